package tw.ecpa.portal.nhi;

import tw.ecpa.portal.auth.LoginResult;
import tw.ecpa.portal.auth.LoginMethod;
import java.time.Clock;
import java.time.Instant;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.auth.IdentifiedPerson;
import tw.ecpa.portal.password.PasswordPolicy;

/**
 * Login with the NHI card (健保卡登入), method id {@value #METHOD}: the card in the reader, read by the
 * NHI local component, and the registration password of the card's online-services registration. The
 * NHI service verifies both and names the holder's identity number; the holder must be in the
 * civil-service database and serving, with the same answers as a citizen certificate login. A serving
 * person without an account gets one, which must then be set up (see {@link IdentifiedPerson}).
 *
 * <p>Wrong passwords count at the NHI service (three suspend the card's online use for ten minutes), not
 * against the portal account; a password lock of the account does not stop a card login. Neither the
 * password nor the card number is recorded: the audit shows the card's last four digits only.
 */
public final class NhiLogin implements LoginMethod<NhiLogin.Card> {

  /** The login method's id, as sessions and the audit log record it. */
  public static final String METHOD = "nhi";

  private final NhiVerifier verifier;
  private final IdentifiedPerson identified;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  /** Creates the login over the NHI service (or its simulator), the stores, the policy and the audit log. */
  public NhiLogin(NhiVerifier verifier, IdentifiedPerson identified, PasswordPolicy policy, AuditLog audit,
      Clock clock) {
    this.verifier = verifier;
    this.identified = identified;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Tries a login; never throws for bad input.
   *
   * @param cardNumber the card number as the local component read it
   * @param registrationPassword the registration password the holder typed
   */
  public NhiLoginOutcome login(String cardNumber, String registrationPassword, String clientAddress) {
    NhiVerification verification = verifier.verify(cardNumber, registrationPassword);
    String card = cardTail(cardNumber);
    if (verification instanceof NhiVerification.WrongPassword wrong) {
      failed(null, clientAddress, "wrong registration password, " + wrong.triesLeft() + " tries left, " + card);
      return new NhiLoginOutcome.WrongPassword(wrong.triesLeft());
    }
    if (verification instanceof NhiVerification.NotRegistered) {
      failed(null, clientAddress, "card not registered, " + card);
      return new NhiLoginOutcome.NotRegistered();
    }
    if (verification instanceof NhiVerification.Suspended suspended) {
      failed(null, clientAddress, "card suspended until " + suspended.until() + ", " + card);
      return new NhiLoginOutcome.Suspended(suspended.until());
    }
    NhiVerification.Verified verified = (NhiVerification.Verified) verification;
    IdentifiedPerson.Match match = identified.match(verified.idNumber());
    if (match instanceof IdentifiedPerson.NotInDatabase) {
      failed(verified.idNumber().masked(), clientAddress, "not in the civil-service database");
      return new NhiLoginOutcome.NotInDatabase();
    }
    if (match instanceof IdentifiedPerson.OffDuty) {
      failed(verified.idNumber().masked(), clientAddress, "off duty");
      return new NhiLoginOutcome.OffDuty();
    }
    Account account = ((IdentifiedPerson.Serving) match).account();
    Instant now = clock.instant();
    audit.record(new AuditEvent(now, AuditKind.LOGIN_SUCCEEDED, who(account), account.idNumber().masked(),
        clientAddress, METHOD));
    return new NhiLoginOutcome.LoggedIn(account, AccountGate.pending(account, policy, now));
  }

  /** The card number's last four characters, for the audit: {@code card ending 5678}. */
  static String cardTail(String cardNumber) {
    if (cardNumber == null || cardNumber.length() < 8) {
      return "card ?";
    }
    String tail = cardNumber.substring(cardNumber.length() - 4);
    return tail.chars().allMatch(Character::isLetterOrDigit) ? "card ending " + tail : "card ?";
  }

  private void failed(String target, String clientAddress, String detail) {
    audit.record(new AuditEvent(clock.instant(), AuditKind.LOGIN_FAILED, null, target, clientAddress,
        METHOD + ": " + detail));
  }

  private static String who(Account account) {
    return account.custom().orElse(account.idNumber().masked());
  }

  /** The card in the reader (its number, as the NHI component read it) and the registration password typed. */
  public record Card(String cardNumber, String registrationPassword) {

    /** Leaves the password out, so that it cannot reach a log. */
    @Override
    public String toString() {
      return "Card[" + cardTail(cardNumber) + "]";
    }
  }

  @Override
  public String id() {
    return METHOD;
  }

  @Override
  public LoginResult attempt(Card card, String clientAddress) {
    NhiLoginOutcome outcome = login(card.cardNumber(), card.registrationPassword(), clientAddress);
    if (outcome instanceof NhiLoginOutcome.LoggedIn in) {
      return new LoginResult.LoggedIn(in.account(), in.pending());
    }
    if (outcome instanceof NhiLoginOutcome.WrongPassword wrong) {
      return new LoginResult.Refused(LoginResult.Refusal.WRONG, "wrong-nhi-password", outcome.message(),
          java.util.Map.of("triesLeft", wrong.triesLeft()), true);
    }
    if (outcome instanceof NhiLoginOutcome.Suspended suspended) {
      return new LoginResult.Refused(LoginResult.Refusal.LOCKED, "nhi-suspended", outcome.message(),
          java.util.Map.of("until", suspended.until().toString()), true);
    }
    return LoginResult.Refused.failed(outcome instanceof NhiLoginOutcome.NotRegistered
        ? LoginResult.Refusal.INVALID : LoginResult.Refusal.NOT_PERMITTED,
        outcome instanceof NhiLoginOutcome.NotRegistered ? "nhi-not-registered"
            : outcome instanceof NhiLoginOutcome.NotInDatabase ? "not-in-database" : "off-duty",
        outcome.message());
  }
}
