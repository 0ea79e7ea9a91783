package tw.ecpa.portal.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.identity.IdNumber;

/**
 * A person's portal account: the custom account name, the password state and the lock state.
 *
 * @param id the account's key
 * @param idNumber whose account it is
 * @param customAccount the custom account (自訂帳號), or {@code null} before activation
 * @param passwordHash the Argon2id hash of the password, or {@code null} when none is set
 * @param passwordChangedAt when the password was last set, or {@code null}
 * @param passwordSetByUser whether the user set it (false after an HR reset or an initial password)
 * @param mustChangePassword whether the next login must change it before anything else
 * @param failedAttempts consecutive wrong passwords since the last success
 * @param lockedUntil the end of a lock, or {@code null}
 * @param roles what the account may do
 */
public record Account(long id, IdNumber idNumber, String customAccount, String passwordHash,
    Instant passwordChangedAt, boolean passwordSetByUser, boolean mustChangePassword,
    int failedAttempts, Instant lockedUntil, Set<Role> roles) {

  public Account {
    Objects.requireNonNull(idNumber, "idNumber");
    roles = Set.copyOf(roles);
  }

  /** The custom account, if one was chosen. */
  public Optional<String> custom() {
    return Optional.ofNullable(customAccount);
  }

  /** Whether the account is locked at this moment. */
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }
}
