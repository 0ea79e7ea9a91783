package tw.ecpa.portal.hr;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.mail.MailException;
import tw.ecpa.portal.mail.MailTemplates;
import tw.ecpa.portal.mail.Mailer;
import tw.ecpa.portal.password.PasswordHasher;
import tw.ecpa.portal.people.EmailAddress;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.security.Secrets;
import tw.ecpa.portal.session.Sessions;

/**
 * 權限與兼辦管理 → 重設員工密碼: someone with the right to reset the passwords of an organization's
 * employees (its HR officers and HR heads by default; whom the {@link ResetRights} name, such as a person
 * of another organization through a delegation) finds an employee by identity number, confirms or corrects the e-mail (required), and the portal mails a generated initial
 * password (as in the seed, e.g. {@code K5L6H5W8}). The employee logs in with the identity number and
 * that password and must change it at once, confirming the birthday; this is also how accounts that
 * were never used are activated. The reset unlocks the account and ends its sessions.
 */
public final class HrPasswordReset {

  /** Characters in a generated initial password. */
  public static final int INITIAL_PASSWORD_LENGTH = 8;

  private static final Set<Role> HR_ROLES = Set.of(Role.HR_OFFICER, Role.HR_HEAD);

  /** The default rights: an HR officer or HR head resets the staff of the organization they serve in. */
  public static ResetRights byRole(People people) {
    return (account, at) -> account.roles().stream().anyMatch(HR_ROLES::contains)
        ? people.find(account.idNumber()).map(p -> Set.of(p.organizationCode())).orElse(Set.of())
        : Set.of();
  }

  private final Accounts accounts;
  private final People people;
  private final PasswordHasher hasher;
  private final Sessions sessions;
  private final Mailer mailer;
  private final MailTemplates mails;
  private final AuditLog audit;
  private final Clock clock;
  private final ResetRights rights;

  /**
   * Creates the service over the stores, the hasher, the sessions, the mail and the audit log, with the
   * HR roles' default rights ({@link #byRole}).
   */
  public HrPasswordReset(Accounts accounts, People people, PasswordHasher hasher, Sessions sessions,
      Mailer mailer, MailTemplates mails, AuditLog audit, Clock clock) {
    this(accounts, people, hasher, sessions, mailer, mails, audit, clock, byRole(people));
  }

  /** Creates the service with the rights that decide whose passwords an account may reset. */
  public HrPasswordReset(Accounts accounts, People people, PasswordHasher hasher, Sessions sessions,
      Mailer mailer, MailTemplates mails, AuditLog audit, Clock clock, ResetRights rights) {
    this.accounts = accounts;
    this.people = people;
    this.hasher = hasher;
    this.sessions = sessions;
    this.mailer = mailer;
    this.mails = mails;
    this.audit = audit;
    this.clock = clock;
    this.rights = rights;
  }

  /** The organizations whose employees' passwords an account may reset now. */
  public Set<String> resetOrganizations(Account account) {
    return rights.organizations(account, clock.instant());
  }

  /**
   * Who asks for a reset: the organization whose staff may be reset, the name the mail gives, and the
   * actor the audit log records.
   */
  private record Requester(Set<String> organizationCodes, String name, String actor) {}

  /**
   * Resets an employee's password.
   *
   * @param officer the logged-in HR account
   * @param idNumber the employee's identity number
   * @param email the address to mail the password to (replaces the one on file); blank keeps the one
   *     on file
   */
  public HrResetOutcome reset(Account officer, String idNumber, String email, String clientAddress) {
    Set<String> organizations = resetOrganizations(officer);
    if (organizations.isEmpty()) {
      return new HrResetOutcome.NotPermitted();
    }
    Optional<Person> officerPerson = people.find(officer.idNumber());
    if (officerPerson.isEmpty()) {
      return new HrResetOutcome.NotFound();
    }
    return reset(new Requester(organizations, officerPerson.get().name(),
        officer.custom().orElse(officer.idNumber().masked())), idNumber, email, clientAddress);
  }

  /**
   * Resets an employee's password for the holder of an organization certificate (機關憑證), who may
   * reset the staff of that organization.
   */
  public HrResetOutcome resetByOrganization(String organizationCode, String idNumber, String email,
      String clientAddress) {
    return reset(new Requester(Set.of(organizationCode), "機關憑證", "gca:" + organizationCode), idNumber, email,
        clientAddress);
  }

  private HrResetOutcome reset(Requester requester, String idNumber, String email, String clientAddress) {
    Instant now = clock.instant();
    Optional<Person> found = IdNumber.parse(idNumber).flatMap(people::find);
    if (found.isEmpty()) {
      return new HrResetOutcome.NotFound();
    }
    Person employee = found.get();
    String actor = requester.actor();
    String target = employee.idNumber().masked();
    if (!requester.organizationCodes().contains(employee.organizationCode())) {
      audit.record(new AuditEvent(now, AuditKind.HR_RESET, actor, target, clientAddress,
          "refused: other organization " + employee.organizationCode()));
      return new HrResetOutcome.OutsideOrganization();
    }
    Optional<String> address = email == null || email.isBlank()
        ? Optional.ofNullable(employee.email()).flatMap(EmailAddress::parse)
        : EmailAddress.parse(email);
    if (address.isEmpty()) {
      return new HrResetOutcome.InvalidEmail();
    }
    if (!address.get().equals(employee.email())) {
      people.save(employee.withEmail(address.get()));
    }
    Account account = accounts.byLogin(employee.idNumber().value())
        .orElseGet(() -> accounts.create(employee.idNumber(), Set.of(Role.EMPLOYEE)));
    String initial = Secrets.code(INITIAL_PASSWORD_LENGTH);
    accounts.setPassword(account.id(), hasher.hash(initial), now, false, true);
    sessions.endOthers(account.id(), null);
    String masked = EmailAddress.mask(address.get());
    audit.record(new AuditEvent(now, AuditKind.HR_RESET, actor, target, clientAddress,
        "initial password mailed to " + masked + " on behalf of " + employee.organizationCode()));
    if (account.lockedAt(now)) {
      audit.record(new AuditEvent(now, AuditKind.ACCOUNT_UNLOCKED, actor, target, clientAddress, "by HR reset"));
    }
    String organization = people.organization(employee.organizationCode())
        .map(Organization::name).orElse(employee.organizationCode());
    try {
      mailer.send(mails.hrReset(address.get(), organization, requester.name(), initial));
    } catch (MailException e) {
      return new HrResetOutcome.MailFailed();
    }
    return new HrResetOutcome.Sent(masked);
  }
}
