package tw.ecpa.portal.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.people.Organization;

/**
 * What a login attempt came to, the same for every login method: logged in (a person or, with an
 * organization certificate, an organization), a further step the user must take, or refused with
 * the zh-TW message the user sees.
 */
public sealed interface LoginResult {

  /** A person logged in; {@code pending} steps (password change, profile) wait before the rest. */
  record LoggedIn(Account account, Set<AccountGate.Pending> pending) implements LoginResult {

    public LoggedIn {
      Objects.requireNonNull(account, "account");
      pending = Set.copyOf(pending);
    }
  }

  /** An organization logged in (organization certificate): only its HR functions open. */
  record OrganizationLoggedIn(Organization organization) implements LoginResult {

    public OrganizationLoggedIn {
      Objects.requireNonNull(organization, "organization");
    }
  }

  /**
   * Not yet: the user must do something first (type the account a certificate binds to, approve on
   * the phone).
   *
   * @param step what is awaited, e.g. {@code binding}, {@code waiting}
   * @param details what the page needs for the step (a ticket, a transaction id, …)
   */
  record NextStep(String step, String message, Map<String, Object> details) implements LoginResult {

    public NextStep {
      details = Map.copyOf(details);
    }
  }

  /** Why a login was refused, as far as the caller should know it. */
  enum Refusal {
    /** The input is missing, malformed or not of this method (a card of another kind). */
    INVALID,
    /** The credentials are wrong (a password, a signature, a certificate). */
    WRONG,
    /** The person or account may not log in (not in the database, off duty). */
    NOT_PERMITTED,
    /** Locked or suspended for a while. */
    LOCKED,
    /** Asked too soon (poll again later). */
    TOO_SOON,
    /** Conflicts with something under way (a live transaction for the same person). */
    CONFLICT,
    /** The service behind the method cannot answer now. */
    UNAVAILABLE
  }

  /**
   * Refused.
   *
   * @param code a stable machine-readable code, e.g. {@code wrong-credentials}
   * @param details what the page may show besides the message (tries left, until when)
   * @param failure whether it counts as a failed login of the client address
   */
  record Refused(Refusal refusal, String code, String message, Map<String, Object> details, boolean failure)
      implements LoginResult {

    public Refused {
      details = Map.copyOf(details);
    }

    /** A refusal that counts as a failed login, without details. */
    public static Refused failed(Refusal refusal, String code, String message) {
      return new Refused(refusal, code, message, Map.of(), true);
    }
  }
}
