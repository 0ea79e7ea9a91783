package tw.ecpa.portal.recovery;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.mail.MailException;
import tw.ecpa.portal.mail.MailTemplates;
import tw.ecpa.portal.mail.Mailer;
import tw.ecpa.portal.password.PasswordHasher;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.password.PasswordRule;
import tw.ecpa.portal.people.EmailAddress;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.security.Secrets;
import tw.ecpa.portal.session.Sessions;

/**
 * The seeds' recovery paths without a certificate: 忘記密碼 (identity number + e-mail on file → an
 * e-mailed 8-character code valid 24 hours), 重新驗證信箱 (identity number + birthday + on-duty date →
 * a new e-mail address and a code sent there), then 驗證認證碼 and 重設密碼 under the password policy.
 *
 * <p>Requests never tell the caller whether the data matched: {@link #requestReset} and
 * {@link #reverifyMailbox} return nothing, and the web layer answers before they run. A new request
 * voids the older codes; a code works once, and five wrong tries close it.
 */
public final class PasswordRecovery {

  /** How long an e-mailed code works. */
  public static final Duration CODE_LIFETIME = Duration.ofHours(24);
  /** How long a verified code's grant lasts for setting the new password. */
  public static final Duration GRANT_LIFETIME = Duration.ofMinutes(15);
  /** Wrong codes typed against one code before it closes. */
  public static final int MAX_CODE_FAILURES = 5;
  /** Characters in a code, as in the seed's {@code H9CN8NMC}. */
  public static final int CODE_LENGTH = 8;

  private static final Logger LOG = LoggerFactory.getLogger(PasswordRecovery.class);

  private final Accounts accounts;
  private final People people;
  private final ResetCodeStore codes;
  private final PasswordPolicy policy;
  private final PasswordHasher hasher;
  private final Sessions sessions;
  private final Mailer mailer;
  private final MailTemplates mails;
  private final AuditLog audit;
  private final Clock clock;

  /** The verify-code page, linked from the mail with the code filled in. */
  public static final String VERIFY_PAGE = "/password/verify.html";

  /** Creates the service over the stores, the policy, the sessions, the mail and the audit log. */
  public PasswordRecovery(Accounts accounts, People people, ResetCodeStore codes, PasswordPolicy policy,
      PasswordHasher hasher, Sessions sessions, Mailer mailer, MailTemplates mails,
      AuditLog audit, Clock clock) {
    this.accounts = accounts;
    this.people = people;
    this.codes = codes;
    this.policy = policy;
    this.hasher = hasher;
    this.sessions = sessions;
    this.mailer = mailer;
    this.mails = mails;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * 忘記密碼: when the identity number and the e-mail on file belong to one serving person with an
   * account, mails a new code (and the custom account when asked); otherwise does nothing visible.
   */
  public void requestReset(String idNumber, String email, boolean sendAccount, String clientAddress) {
    Instant now = clock.instant();
    Optional<IdNumber> id = IdNumber.parse(idNumber);
    Optional<Person> person = id.flatMap(people::find)
        .filter(p -> p.status() == PersonStatus.ACTIVE)
        .filter(p -> EmailAddress.same(email, p.email()));
    Optional<Account> account = person.flatMap(p -> accounts.byLogin(p.idNumber().value()));
    String target = id.map(IdNumber::masked).orElse(null);
    if (account.isEmpty()) {
      audit.record(new AuditEvent(now, AuditKind.RESET_REQUESTED, null, target, clientAddress, "no match"));
      return;
    }
    audit.record(new AuditEvent(now, AuditKind.RESET_REQUESTED, null, target, clientAddress,
        sendAccount ? "code sent, with account" : "code sent"));
    sendCode(account.get(), person.get().email(), now);
    if (sendAccount && account.get().customAccount() != null) {
      send(mails.accountNotice(person.get().email(), account.get().customAccount()), target);
    }
  }

  /**
   * 重新驗證信箱: when identity number, birthday and on-duty date belong to one serving person with an
   * account, replaces the e-mail on file and mails a new code there; otherwise does nothing visible.
   */
  public void reverifyMailbox(String idNumber, LocalDate birthday, LocalDate onDutyDate, String newEmail,
      String clientAddress) {
    Instant now = clock.instant();
    Optional<IdNumber> id = IdNumber.parse(idNumber);
    Optional<String> address = EmailAddress.parse(newEmail);
    Optional<Person> person = id.flatMap(people::find)
        .filter(p -> p.status() == PersonStatus.ACTIVE)
        .filter(p -> p.birthday().equals(birthday) && p.onDutyDate().equals(onDutyDate));
    Optional<Account> account = person.flatMap(p -> accounts.byLogin(p.idNumber().value()));
    String target = id.map(IdNumber::masked).orElse(null);
    if (account.isEmpty() || address.isEmpty()) {
      audit.record(new AuditEvent(now, AuditKind.MAILBOX_REVERIFIED, null, target, clientAddress, "no match"));
      return;
    }
    people.save(person.get().withEmail(address.get()));
    audit.record(new AuditEvent(now, AuditKind.MAILBOX_REVERIFIED, null, target, clientAddress,
        "e-mail replaced, code sent"));
    sendCode(account.get(), address.get(), now);
  }

  /**
   * 驗證認證碼: the custom account or identity number and the code from the mail. A right code is used
   * up and gives a reset token; anything else gets one answer.
   */
  public VerifyOutcome verify(String accountOrId, String code, String clientAddress) {
    Instant now = clock.instant();
    Optional<Account> account = accounts.byLogin(accountOrId);
    Optional<ResetCode> open = checkedCode(account, code, now, clientAddress);
    if (open.isEmpty() || !codes.close(open.get().id(), now, ResetCodeStore.Closed.USED)) {
      return new VerifyOutcome.Rejected();
    }
    String token = Secrets.token();
    codes.grant(Secrets.sha256(token), open.get().accountId(), now.plus(GRANT_LIFETIME));
    audit.record(new AuditEvent(now, AuditKind.RESET_VERIFIED, null, account.get().idNumber().masked(),
        clientAddress, null));
    return new VerifyOutcome.Verified(token);
  }

  /**
   * The account's open code when the typed code is it; otherwise empty, with the failure counted (five
   * close the code) and audited.
   */
  private Optional<ResetCode> checkedCode(Optional<Account> account, String code, Instant now, String clientAddress) {
    Optional<ResetCode> open = account.flatMap(a -> codes.open(a.id(), now));
    String target = account.map(a -> a.idNumber().masked()).orElse(null);
    String typed = normalizeCode(code);
    if (open.isEmpty() || typed.isEmpty()) {
      audit.record(new AuditEvent(now, AuditKind.RESET_VERIFY_FAILED, null, target, clientAddress,
          account.isEmpty() ? "unknown account" : "no open code"));
      return Optional.empty();
    }
    ResetCode stored = open.get();
    if (!Secrets.equal(Secrets.sha256(typed), stored.codeHash())) {
      int failures = codes.recordFailure(stored.id());
      if (failures >= MAX_CODE_FAILURES) {
        codes.close(stored.id(), now, ResetCodeStore.Closed.TOO_MANY_TRIES);
      }
      audit.record(new AuditEvent(now, AuditKind.RESET_VERIFY_FAILED, null, target, clientAddress,
          "wrong code " + failures));
      return Optional.empty();
    }
    return open;
  }

  /**
   * 重設密碼: sets the new password of a verified reset under the policy. The account is unlocked,
   * every session of it ends, and a confirmation is mailed.
   */
  public ResetOutcome reset(String resetToken, String newPassword, String confirmation, String clientAddress) {
    Instant now = clock.instant();
    if (resetToken == null || resetToken.isBlank() || resetToken.length() > 100) {
      return new ResetOutcome.InvalidToken();
    }
    String grantHash = Secrets.sha256(resetToken);
    Optional<Account> found = codes.grantee(grantHash, now).flatMap(accounts::byId);
    if (found.isEmpty()) {
      return new ResetOutcome.InvalidToken();
    }
    Account account = found.get();
    List<PasswordRule> broken = broken(account, newPassword, confirmation, now);
    if (!broken.isEmpty()) {
      return new ResetOutcome.Rejected(broken);
    }
    if (!codes.takeGrant(grantHash)) {
      return new ResetOutcome.InvalidToken();
    }
    return complete(account, newPassword, now, clientAddress);
  }

  /**
   * 驗證認證碼 and 重設密碼 in one step, for the chat: the code is used up only when the new password
   * is accepted, so a password that breaks a rule can be retried with the same code. Wrong codes count
   * towards closing the code as in {@link #verify}.
   */
  public ResetOutcome resetWithCode(String accountOrId, String code, String newPassword, String confirmation,
      String clientAddress) {
    Instant now = clock.instant();
    Optional<Account> found = accounts.byLogin(accountOrId);
    Optional<ResetCode> open = checkedCode(found, code, now, clientAddress);
    if (open.isEmpty()) {
      return new ResetOutcome.InvalidToken();
    }
    Account account = found.get();
    List<PasswordRule> broken = broken(account, newPassword, confirmation, now);
    if (!broken.isEmpty()) {
      return new ResetOutcome.Rejected(broken);
    }
    if (!codes.close(open.get().id(), now, ResetCodeStore.Closed.USED)) {
      return new ResetOutcome.InvalidToken();
    }
    audit.record(new AuditEvent(now, AuditKind.RESET_VERIFIED, null, account.idNumber().masked(), clientAddress,
        "in one step with the reset"));
    return complete(account, newPassword, now, clientAddress);
  }

  private List<PasswordRule> broken(Account account, String newPassword, String confirmation, Instant now) {
    Optional<Instant> lastChange = account.passwordSetByUser()
        ? Optional.ofNullable(account.passwordChangedAt()) : Optional.empty();
    return policy.check(newPassword, confirmation,
        accounts.recentPasswordHashes(account.id(), PasswordPolicy.HISTORY), lastChange, now);
  }

  /** Sets the new password: unlocks, ends every session, audits and mails a confirmation. */
  private ResetOutcome complete(Account account, String newPassword, Instant now, String clientAddress) {
    accounts.setPassword(account.id(), hasher.hash(newPassword), now, true, false);
    sessions.endOthers(account.id(), null);
    String target = account.idNumber().masked();
    String who = account.custom().orElse(target);
    if (account.lockedAt(now)) {
      audit.record(new AuditEvent(now, AuditKind.ACCOUNT_UNLOCKED, who, target, clientAddress, "by reset"));
    }
    audit.record(new AuditEvent(now, AuditKind.RESET_COMPLETED, who, target, clientAddress, null));
    people.find(account.idNumber()).map(Person::email).filter(e -> e != null && !e.isBlank())
        .ifPresent(email -> send(mails.passwordChanged(email, now), target));
    return new ResetOutcome.Done();
  }

  /** Removes expired codes and grants; run periodically. */
  public int sweep() {
    return codes.removeExpired(clock.instant());
  }

  private void sendCode(Account account, String email, Instant now) {
    String code = Secrets.code(CODE_LENGTH);
    codes.issue(account.id(), Secrets.sha256(code), now, now.plus(CODE_LIFETIME));
    send(mails.resetCode(email, code, VERIFY_PAGE + "?code=" + code), account.idNumber().masked());
  }

  private void send(tw.ecpa.portal.mail.MailMessage message, String target) {
    try {
      mailer.send(message);
    } catch (MailException e) {
      // The body holds the code: only the failure and whose mail it was are logged.
      LOG.warn("recovery mail for {} to {} not sent: {}", target, EmailAddress.mask(message.to()), e.getMessage());
    }
  }

  /** What a person typed as a code, folded to the code's alphabet (full-width, lower case, spaces). */
  static String normalizeCode(String typed) {
    if (typed == null || typed.length() > 40) {
      return "";
    }
    String value = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[\\s-]", "")
        .toUpperCase(Locale.ROOT);
    return value.length() == CODE_LENGTH ? value : "";
  }
}
