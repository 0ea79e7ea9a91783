package tw.ecpa.portal.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.identity.IdNumber;

/** Where the portal keeps accounts and their password history. */
public interface Accounts {

  /** Creates the account of a person in the people store, with no password yet. */
  Account create(IdNumber idNumber, Set<Role> roles);

  /** Gives the account a role it may not hold yet; holding it already changes nothing. */
  void grant(long id, Role role);

  /** The account with this key, if any. */
  Optional<Account> byId(long id);

  /** The account whose custom account (any case) or identity number this is, if any. */
  Optional<Account> byLogin(String customAccountOrIdNumber);

  /**
   * Gives the account this custom account; false, and nothing changed, when another account holds
   * it already (compared without regard to case).
   */
  boolean claimCustomAccount(long id, String customAccount);

  /**
   * Sets a new password hash, keeps the previous one in the history, clears failures and any lock.
   *
   * @param id the account
   * @param passwordHash the new hash
   * @param at when it was set
   * @param byUser whether the user set it (false for initial and HR-reset passwords)
   * @param mustChange whether the next login must change it
   */
  void setPassword(long id, String passwordHash, Instant at, boolean byUser, boolean mustChange);

  /** The hashes of the most recent passwords, newest first, the current one included. */
  List<String> recentPasswordHashes(long id, int count);

  /** Records consecutive failures and, when the policy locks the account, the end of the lock. */
  void recordFailures(long id, int failedAttempts, Instant lockedUntil);

  /** Clears failures and any lock after a successful login. */
  void clearFailures(long id);
}
