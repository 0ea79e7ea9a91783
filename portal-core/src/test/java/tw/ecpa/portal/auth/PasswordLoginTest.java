package tw.ecpa.portal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.account.jdbc.JdbcAccounts;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.jdbc.JdbcAuditLog;
import tw.ecpa.portal.auth.jdbc.JdbcUnknownLogins;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.password.PasswordHasher;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.people.jdbc.JdbcPeople;
import tw.ecpa.portal.testing.MovableClock;

class PasswordLoginTest {

  static final PasswordHasher HASHER = new PasswordHasher(1024, 1, 1);
  static Database database;


  MovableClock clock;
  JdbcAccounts accounts;
  JdbcPeople people;
  JdbcAuditLog audit;
  PasswordLogin login;
  IdNumber id;
  String name;
  static int sequence;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("login"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void account() {
    clock = new MovableClock();
    accounts = new JdbcAccounts(database);
    people = new JdbcPeople(database);
    audit = new JdbcAuditLog(database);
    login = new PasswordLogin(accounts, people, new JdbcUnknownLogins(database), HASHER, PasswordPolicy.standard(HASHER), audit, clock);
    people.save(new Organization("A01", "測試機關", null));
    sequence++;
    String body = "A2" + String.format("%07d", sequence);
    id = java.util.stream.IntStream.rangeClosed(0, 9).mapToObj(c -> body + c)
        .filter(IdNumber::isValid).findFirst().flatMap(IdNumber::parse).orElseThrow();
    people.save(new Person(id, "林測試", LocalDate.of(1980, 3, 3), "A01", LocalDate.of(2020, 8, 1),
        PersonStatus.ACTIVE, "lin@example.gov.tw", null));
    long key = accounts.create(id, Set.of(Role.EMPLOYEE)).id();
    name = "lintest" + sequence;
    accounts.claimCustomAccount(key, name);
    accounts.setPassword(key, HASHER.hash("Tpe-2026!rain"), clock.instant().minus(Duration.ofDays(10)), true, false);
  }

  @Test
  void login_rightPasswordByCustomAccountOrIdNumber_logsIn() {
    LoginOutcome byName = login.login(name, "Tpe-2026!rain", "127.0.0.1");
    LoginOutcome.LoggedIn in = assertInstanceOf(LoginOutcome.LoggedIn.class, byName);
    assertFalse(in.mustChangePassword());
    assertInstanceOf(LoginOutcome.LoggedIn.class, login.login(id.value(), "Tpe-2026!rain", "127.0.0.1"));
  }

  @Test
  void login_unknownAccountAndWrongPassword_getTheSameAnswer() {
    assertEquals(new LoginOutcome.WrongCredentials(), login.login("nobody" + sequence, "Tpe-2026!rain", "127.0.0.1"));
    assertEquals(new LoginOutcome.WrongCredentials(), login.login(name, "wrong", "127.0.0.1"));
  }

  @Test
  void anUnknownName_isLockedAtItsFifthFailureLikeAnAccount_soTheLockoutTellsNothing() throws Exception {
    String nobody = "Nobody" + sequence;
    for (int i = 1; i <= 4; i++) {
      assertEquals(login.login(name, "wrong" + i, "10.0.0.1"), login.login(nobody, "wrong" + i, "10.0.0.1"));
    }
    LoginOutcome.Locked real = assertInstanceOf(LoginOutcome.Locked.class, login.login(name, "wrong5", "10.0.0.1"));
    LoginOutcome.Locked unknown = assertInstanceOf(LoginOutcome.Locked.class, login.login(nobody, "wrong5", "10.0.0.1"));
    assertEquals(real.until(), unknown.until());
    assertEquals(new LoginOutcome.Locked(real.until()), login.login(" nobody" + sequence, "x", "10.0.0.2"),
        "the same name as logins compare it, from another address");

    clock.advance(Duration.ofMinutes(15));
    assertEquals(new LoginOutcome.WrongCredentials(), login.login(nobody, "wrong6", "10.0.0.1"), "the count starts afresh");
    // Only a digest of the name is kept.
    try (java.sql.Connection c = database.dataSource().getConnection();
        java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT digest FROM unknown_login_failure")) {
      while (rs.next()) {
        assertFalse(rs.getString(1).toLowerCase(java.util.Locale.ROOT).contains("nobody"));
      }
    }
  }

  @Test
  void login_fiveWrongPasswords_lockFor15Minutes_evenTheRightPasswordIsRefused() {
    for (int i = 1; i <= 4; i++) {
      assertInstanceOf(LoginOutcome.WrongCredentials.class, login.login(name, "wrong" + i, "10.0.0.1"));
    }
    LoginOutcome.Locked locked = assertInstanceOf(LoginOutcome.Locked.class, login.login(name, "wrong5", "10.0.0.1"));
    assertEquals(clock.instant().plus(Duration.ofMinutes(15)), locked.until());
    assertInstanceOf(LoginOutcome.Locked.class, login.login(name, "Tpe-2026!rain", "10.0.0.1"));

    clock.advance(Duration.ofMinutes(15));
    assertInstanceOf(LoginOutcome.LoggedIn.class, login.login(name, "Tpe-2026!rain", "10.0.0.1"));
    assertEquals(0, accounts.byLogin(name).orElseThrow().failedAttempts());
  }

  @Test
  void login_afterALockRunsOut_theCountStartsAfresh() {
    for (int i = 1; i <= 5; i++) {
      login.login(name, "wrong" + i, "10.0.0.1");
    }
    clock.advance(Duration.ofMinutes(16));
    assertInstanceOf(LoginOutcome.WrongCredentials.class, login.login(name, "wrong6", "10.0.0.1"));
    assertEquals(1, accounts.byLogin(name).orElseThrow().failedAttempts());
  }

  @Test
  void login_passwordOlderThan180Days_mustBeChanged() {
    long key = accounts.byLogin(name).orElseThrow().id();
    accounts.setPassword(key, HASHER.hash("Old-2025!pass"), clock.instant().minus(Duration.ofDays(181)), true, false);
    LoginOutcome.LoggedIn in = assertInstanceOf(LoginOutcome.LoggedIn.class, login.login(name, "Old-2025!pass", null));
    assertTrue(in.mustChangePassword());
  }

  @Test
  void login_offDutyPerson_withTheRightPassword_isRefusedAsOffDuty() {
    Person person = people.find(id).orElseThrow();
    people.save(new Person(id, person.name(), person.birthday(), person.organizationCode(), person.onDutyDate(),
        PersonStatus.OFF_DUTY, person.email(), person.phone()));
    assertInstanceOf(LoginOutcome.OffDuty.class, login.login(name, "Tpe-2026!rain", null));
    assertInstanceOf(LoginOutcome.WrongCredentials.class, login.login(name, "wrong", null));
  }

  @Test
  void audit_recordsMaskedIdentities_andNeverWhatWasTypedOrThePassword() {
    // Later than any other test's events in the shared database.
    clock.advance(Duration.ofDays(1));
    login.login(id.value(), "Tpe-2026!rain", "10.0.0.9");
    login.login("Tpe-2026!rain", "whatever", "10.0.0.9");
    List<AuditEvent> events = audit.recent(2);
    assertEquals(AuditKind.LOGIN_FAILED, events.get(0).kind());
    assertEquals(null, events.get(0).actor(), "a password typed as the account is not kept");
    assertEquals(AuditKind.LOGIN_SUCCEEDED, events.get(1).kind());
    assertEquals(id.masked(), events.get(1).target());
    assertEquals("10.0.0.9", events.get(1).clientAddress());
    for (AuditEvent e : audit.recent(100)) {
      String all = e.actor() + e.target() + e.detail();
      assertFalse(all.contains("Tpe-2026!rain"), all);
      assertFalse(all.contains(id.value()), all);
    }
  }
}
