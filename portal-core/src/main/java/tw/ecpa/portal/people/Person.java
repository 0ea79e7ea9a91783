package tw.ecpa.portal.people;

import java.time.LocalDate;
import java.util.Objects;
import tw.ecpa.portal.identity.IdNumber;

/**
 * A person in the civil-service database (公務人力資料庫), as the HR offices report them.
 *
 * @param idNumber the identity number
 * @param name the name
 * @param birthday the date of birth
 * @param organizationCode the organization the person serves in
 * @param onDutyDate the actual on-duty date of the current post (任現職之實際到職日期)
 * @param status serving or off duty
 * @param email the e-mail address on file, or {@code null}
 * @param phone the phone number on file, or {@code null}
 */
public record Person(IdNumber idNumber, String name, LocalDate birthday, String organizationCode,
    LocalDate onDutyDate, PersonStatus status, String email, String phone) {

  public Person {
    Objects.requireNonNull(idNumber, "idNumber");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(birthday, "birthday");
    Objects.requireNonNull(organizationCode, "organizationCode");
    Objects.requireNonNull(onDutyDate, "onDutyDate");
    Objects.requireNonNull(status, "status");
  }

  /** A copy with another e-mail address. */
  public Person withEmail(String newEmail) {
    return new Person(idNumber, name, birthday, organizationCode, onDutyDate, status, newEmail, phone);
  }

  /** A copy with another e-mail address and phone number. */
  public Person withContact(String newEmail, String newPhone) {
    return new Person(idNumber, name, birthday, organizationCode, onDutyDate, status, newEmail, newPhone);
  }
}
