package tw.ecpa.portal.hr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.auth.LoginOutcome;
import tw.ecpa.portal.auth.PasswordLogin;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.mail.MailMessage;
import tw.ecpa.portal.mail.MailTemplates;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.session.Sessions;
import tw.ecpa.portal.testing.PortalFixture;

class HrPasswordResetTest {

  static final String PASSWORD = "Tpe-2026!rain";
  static Database database;

  PortalFixture f;
  HrPasswordReset reset;
  PasswordLogin login;
  Account officer;
  Person employee;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("hr"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    f = new PortalFixture(database);
    reset = new HrPasswordReset(f.accounts, f.people, PortalFixture.HASHER, f.sessions, f.mailer,
        new MailTemplates("http://127.0.0.1:7070"), f.audit, f.clock);
    login = new PasswordLogin(f.accounts, f.people, f.unknownLogins, PortalFixture.HASHER, f.policy, f.audit, f.clock);
    officer = f.activeAccount(f.person("H01"), "Hr-2026!office", Role.HR_OFFICER);
    employee = f.person("H01");
  }

  String mailedPassword(String address) {
    List<MailMessage> mails = f.mailer.to(address);
    assertEquals(1, mails.size());
    Matcher m = Pattern.compile("您的新密碼如下[：:]\\s*([A-Z0-9]{8})").matcher(mails.get(0).text());
    assertTrue(m.find(), mails.get(0).text());
    return m.group(1);
  }

  @Test
  void anOfficer_activatesANeverUsedAccount_byMailingAnInitialPassword() {
    HrResetOutcome outcome = reset.reset(officer, employee.idNumber().value(), "new.lin@mail.gov.tw", "10.1.1.1");

    assertInstanceOf(HrResetOutcome.Sent.class, outcome);
    assertEquals("new.lin@mail.gov.tw", f.people.find(employee.idNumber()).orElseThrow().email());
    String initial = mailedPassword("new.lin@mail.gov.tw");
    LoginOutcome.LoggedIn in = assertInstanceOf(LoginOutcome.LoggedIn.class,
        login.login(employee.idNumber().value(), initial, "10.2.2.2"));
    assertEquals(java.util.Set.of(AccountGate.Pending.PASSWORD_CHANGE, AccountGate.Pending.PROFILE), in.pending());
    AuditEvent event = f.audit.recent(10_000).stream()
        .filter(e -> e.kind() == AuditKind.HR_RESET && employee.idNumber().masked().equals(e.target()))
        .findFirst().orElseThrow();
    assertEquals(officer.customAccount(), event.actor());
    assertFalse(event.detail().contains(initial));
  }

  @Test
  void aReset_unlocksTheAccount_andEndsItsSessions() {
    Account account = f.activeAccount(employee, PASSWORD);
    Sessions.Started session = f.sessions.start(account.id(), "password");
    for (int i = 0; i < PasswordLogin.MAX_FAILURES; i++) {
      login.login(account.customAccount(), "wrong", "x");
    }

    reset.reset(officer, employee.idNumber().value(), employee.email(), "10.1.1.1");

    assertInstanceOf(LoginOutcome.LoggedIn.class,
        login.login(account.customAccount(), mailedPassword(employee.email()), "x"));
    assertTrue(f.sessions.find(session.token()).isEmpty());
  }

  @Test
  void anotherOrganizationsEmployee_isRefused_andNothingChanges() {
    Person stranger = f.person("H02");
    Account account = f.activeAccount(stranger, PASSWORD);

    assertInstanceOf(HrResetOutcome.OutsideOrganization.class,
        reset.reset(officer, stranger.idNumber().value(), stranger.email(), "10.1.1.1"));
    assertEquals(List.of(), f.mailer.sent);
    assertInstanceOf(LoginOutcome.LoggedIn.class, login.login(account.customAccount(), PASSWORD, "x"));
  }

  @Test
  void anEmployeeWithoutAnHrRole_isRefused() {
    Account plain = f.activeAccount(f.person("H01"), PASSWORD);

    assertInstanceOf(HrResetOutcome.NotPermitted.class,
        reset.reset(plain, employee.idNumber().value(), employee.email(), "x"));
    assertInstanceOf(HrResetOutcome.NotFound.class,
        reset.reset(officer, PortalFixture.freshId().value(), "a@mail.gov.tw", "x"));
    assertInstanceOf(HrResetOutcome.InvalidEmail.class,
        reset.reset(officer, employee.idNumber().value(), "not an address", "x"));
    assertEquals(List.of(), f.mailer.sent);
  }

  @Test
  void aMailFailure_isReported() {
    f.mailer.failing = true;

    assertInstanceOf(HrResetOutcome.MailFailed.class,
        reset.reset(officer, employee.idNumber().value(), employee.email(), "x"));
  }
}
