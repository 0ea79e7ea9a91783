package tw.ecpa.portal.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.questionnaire.jdbc.JdbcQuestionnaires;
import tw.ecpa.portal.testing.PortalFixture;
import tw.ecpa.portal.todo.TodoList;
import tw.ecpa.portal.todo.jdbc.JdbcTodos;

/** 校正員工Email: HR staff correct the e-mail of their own organization's people, audited and masked. */
class EmailCorrectionTest {

  static Database database;
  PortalFixture f;
  EmailCorrection emails;
  Account officer;
  Person employee;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("email-correction"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    f = new PortalFixture(database);
    Questionnaires questionnaires = new Questionnaires(new JdbcQuestionnaires(database), f.people,
        new TodoList(new JdbcTodos(database), f.clock), f.clock);
    emails = new EmailCorrection(questionnaires, f.people, f.audit, f.clock);
    officer = account(f.person("EC1"), Role.HR_OFFICER);
    employee = f.person("EC1");
  }

  static Account account(Person person, Role... roles) {
    return new Account(1, person.idNumber(), null, null, null, true, false, 0, null, Set.of(roles));
  }

  @Test
  void correct_ownOrganization_replacesTheAddressAndAudits() {
    Outcome<String> outcome = emails.correct(officer, employee.idNumber().value().toLowerCase(), " ｎｅｗ@mail.gov.tw ",
        "127.0.0.1");
    assertEquals("ne***@mail.gov.tw", ((Outcome.Done<String>) outcome).value());
    assertEquals("new@mail.gov.tw", f.people.find(employee.idNumber()).orElseThrow().email());
    assertEquals(List.of(AuditKind.EMAIL_CORRECTED), f.auditKinds(employee.idNumber()));
    AuditEvent event = f.audit.recent(50).stream().filter(e -> e.kind() == AuditKind.EMAIL_CORRECTED).findFirst()
        .orElseThrow();
    assertEquals(officer.idNumber().masked(), event.actor());
    assertFalse(event.detail().contains("new@"), "the address is masked in the log");
  }

  @Test
  void correct_otherOrganizationOrNoHrRole_refusedAndUnchanged() {
    Person outsider = f.person("EC2");
    assertInstanceOf(Outcome.Forbidden.class, emails.correct(officer, outsider.idNumber().value(), "a@mail.gov.tw", null));
    assertEquals(outsider.email(), f.people.find(outsider.idNumber()).orElseThrow().email());
    assertInstanceOf(Outcome.Forbidden.class, emails.correct(account(f.person("EC1"), Role.EMPLOYEE),
        employee.idNumber().value(), "a@mail.gov.tw", null));
    assertTrue(f.auditKinds(outsider.idNumber()).isEmpty());
  }

  @Test
  void correct_badAddressOrUnknownPerson_refused() {
    assertInstanceOf(Outcome.Invalid.class, emails.correct(officer, employee.idNumber().value(), "no-at-sign", null));
    assertInstanceOf(Outcome.NotFound.class, emails.correct(officer, "A100000001", "a@mail.gov.tw", null));
    assertInstanceOf(Outcome.NotFound.class, emails.correct(officer, "not-an-id", "a@mail.gov.tw", null));
  }
}
