package tw.ecpa.portal.questionnaire;

import java.time.Clock;
import java.util.Optional;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.people.EmailAddress;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;

/**
 * 校正員工Email: an HR officer or HR head corrects the e-mail address on file of an employee of their
 * own organization (where questionnaire notices and password mails go). Audited with masked data.
 */
public final class EmailCorrection {

  private final Questionnaires questionnaires;
  private final People people;
  private final AuditLog audit;
  private final Clock clock;

  /** Creates the service over the questionnaire service (for the HR check), the people and the audit log. */
  public EmailCorrection(Questionnaires questionnaires, People people, AuditLog audit, Clock clock) {
    this.questionnaires = questionnaires;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
  }

  /** Replaces an employee's e-mail address; the outcome's value is the masked new address. */
  public Outcome<String> correct(Account officer, String idNumber, String email, String clientAddress) {
    Optional<String> org = questionnaires.managedOrganization(officer);
    if (org.isEmpty()) {
      return new Outcome.Forbidden<>();
    }
    Optional<Person> person = IdNumber.parse(idNumber == null ? "" : idNumber.strip().toUpperCase(java.util.Locale.ROOT))
        .flatMap(people::find);
    if (person.isEmpty()) {
      return new Outcome.NotFound<>();
    }
    if (!person.get().organizationCode().equals(org.get())) {
      return new Outcome.Forbidden<>();
    }
    Optional<String> address = EmailAddress.parse(email);
    if (address.isEmpty()) {
      return new Outcome.Invalid<>("請輸入正確的E-MAIL，例如：name@mail.gov.tw。");
    }
    people.save(person.get().withEmail(address.get()));
    audit.record(new AuditEvent(clock.instant(), AuditKind.EMAIL_CORRECTED, officer.idNumber().masked(),
        person.get().idNumber().masked(), clientAddress, "e-mail corrected to " + EmailAddress.mask(address.get())));
    return new Outcome.Done<>(EmailAddress.mask(address.get()));
  }
}
