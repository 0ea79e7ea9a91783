package tw.ecpa.portal.nhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.auth.IdentifiedPerson;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.nhi.sim.NhiSimulator;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.testing.PortalFixture;

class NhiLoginTest {

  static final String IP = "192.0.2.9";
  static final String PASSWORD = "Reg-2026nhi";
  static Database database;

  PortalFixture portal;
  NhiSimulator nhi;
  NhiLogin login;
  Person person;
  String card;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("nhi-login"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    portal = new PortalFixture(database);
    nhi = new NhiSimulator(portal.clock);
    login = new NhiLogin(nhi, new IdentifiedPerson(portal.people, portal.accounts), portal.policy, portal.audit,
        portal.clock);
    person = portal.person("376480000A");
    card = cardOf(person);
    nhi.register(card, person.idNumber(), PASSWORD);
  }

  /** A 12-digit card number made from the person's identity number. */
  static String cardOf(Person person) {
    return "0000" + person.idNumber().value().substring(2);
  }

  /**
   * The newest audit event about this identity number. The tests share one database and one clock
   * instant, so events are told apart by whom they concern.
   */
  AuditEvent lastAbout(tw.ecpa.portal.identity.IdNumber id) {
    return portal.audit.recent(10_000).stream().filter(e -> id.masked().equals(e.target())).findFirst()
        .orElseThrow();
  }

  void offDuty(Person p) {
    portal.people.save(new Person(p.idNumber(), p.name(), p.birthday(), p.organizationCode(), p.onDutyDate(),
        PersonStatus.OFF_DUTY, p.email(), p.phone()));
  }

  @Test
  void login_registeredCardAndRightPassword_logsTheHoldersAccountIn_andAudits() {
    Account account = portal.activeAccount(person, "Tpe-2026!rain");
    NhiLoginOutcome.LoggedIn in = assertInstanceOf(NhiLoginOutcome.LoggedIn.class, login.login(card, PASSWORD, IP));
    assertEquals(account.id(), in.account().id());
    assertEquals(Set.of(), in.pending());
    assertEquals("驗證成功", in.message());
    AuditEvent last = lastAbout(person.idNumber());
    assertEquals(AuditKind.LOGIN_SUCCEEDED, last.kind());
    assertEquals("nhi", last.detail());
    assertEquals(account.customAccount(), last.actor());
    assertEquals(IP, last.clientAddress());
  }

  @Test
  void login_servingPersonWithoutAnAccount_getsOne_whichMustBeSetUp() {
    NhiLoginOutcome.LoggedIn in = assertInstanceOf(NhiLoginOutcome.LoggedIn.class, login.login(card, PASSWORD, IP));
    assertEquals(person.idNumber(), in.account().idNumber());
    assertEquals(Set.of(AccountGate.Pending.PASSWORD_CHANGE, AccountGate.Pending.PROFILE), in.pending());
    assertEquals(in.account().id(), assertInstanceOf(NhiLoginOutcome.LoggedIn.class,
        login.login(card, PASSWORD, IP)).account().id(), "the same account the next time");
  }

  @Test
  void login_wrongPasswords_twoThenOneTriesLeft_thenSuspendedForTenMinutes_thenUsableAgain() {
    portal.activeAccount(person, "Tpe-2026!rain");
    NhiLoginOutcome first = login.login(card, "wrong", IP);
    assertEquals(new NhiLoginOutcome.WrongPassword(2), first);
    assertEquals("健保卡註冊密碼輸入錯誤，尚可再試 2 次；如連續錯誤 3 次，將暫停健保卡網路服務使用 10 分鐘。", first.message());
    assertEquals(new NhiLoginOutcome.WrongPassword(1), login.login(card, "wrong", IP));

    NhiLoginOutcome.Suspended suspended = assertInstanceOf(NhiLoginOutcome.Suspended.class,
        login.login(card, "wrong", IP));
    assertEquals(portal.clock.instant().plus(Duration.ofMinutes(10)), suspended.until());
    // 2026-11-23T05:10Z is 13:10 in Taipei, ROC year 115.
    assertEquals("健保卡註冊密碼連續輸入錯誤 3 次，已暫停網路服務使用，請於 115年11月23日 13時10分 後再試。",
        suspended.message());
    assertEquals(suspended, login.login(card, PASSWORD, IP), "the right password waits too");

    portal.clock.advance(Duration.ofMinutes(10));
    assertInstanceOf(NhiLoginOutcome.LoggedIn.class, login.login(card, PASSWORD, IP));
    assertEquals(List.of("nhi: wrong registration password, 2 tries left, card ending " + card.substring(8)),
        portal.audit.recent(10_000).stream().map(AuditEvent::detail)
            .filter(d -> d.contains("2 tries left") && d.endsWith(card.substring(8))).toList());
  }

  @Test
  void login_cardNotRegistered_orUnknown_notRegistered_withTheSeedsDirection() {
    String unregistered = "0000" + portal.person("376480000A").idNumber().value().substring(2);
    nhi.addUnregistered(unregistered, person.idNumber());
    NhiLoginOutcome outcome = login.login(unregistered, PASSWORD, IP);
    assertInstanceOf(NhiLoginOutcome.NotRegistered.class, outcome);
    assertTrue(outcome.message().contains("請先至健保署網站完成網路服務註冊"), outcome.message());
    assertInstanceOf(NhiLoginOutcome.NotRegistered.class, login.login("no-such-card", PASSWORD, IP));
    assertInstanceOf(NhiLoginOutcome.NotRegistered.class, login.login(null, null, IP));
    assertTrue(portal.audit.recent(10_000).stream().anyMatch(e -> e.kind() == AuditKind.LOGIN_FAILED
        && ("nhi: card not registered, card ending " + unregistered.substring(8)).equals(e.detail())));
  }

  @Test
  void login_holderNotInTheDatabase_notInDatabase_withTheCertificateLoginsWording() {
    String stranger = "000099998888";
    tw.ecpa.portal.identity.IdNumber strangerId = PortalFixture.freshId();
    nhi.register(stranger, strangerId, PASSWORD);
    NhiLoginOutcome outcome = login.login(stranger, PASSWORD, IP);
    assertInstanceOf(NhiLoginOutcome.NotInDatabase.class, outcome);
    assertTrue(outcome.message().startsWith("自訂帳號或身分證號驗證不存在於本總處公務人力資料庫中"), outcome.message());
    AuditEvent last = lastAbout(strangerId);
    assertEquals(AuditKind.LOGIN_FAILED, last.kind());
    assertEquals("nhi: not in the civil-service database", last.detail());
  }

  @Test
  void login_holderOffDuty_offDuty_andNoAccountMade() {
    offDuty(person);
    NhiLoginOutcome outcome = login.login(card, PASSWORD, IP);
    assertInstanceOf(NhiLoginOutcome.OffDuty.class, outcome);
    assertTrue(outcome.message().startsWith("驗證之公務人員為卸職狀態"), outcome.message());
    assertTrue(portal.accounts.byLogin(person.idNumber().value()).isEmpty());
    assertEquals(List.of(AuditKind.LOGIN_FAILED), portal.auditKinds(person.idNumber()));
  }

  @Test
  void login_passwordLockedAccount_stillLogsInWithTheCard() {
    Account account = portal.activeAccount(person, "Tpe-2026!rain");
    portal.accounts.recordFailures(account.id(), 5, portal.clock.instant().plus(Duration.ofMinutes(15)));
    assertInstanceOf(NhiLoginOutcome.LoggedIn.class, login.login(card, PASSWORD, IP));
  }

  @Test
  void audit_neverHoldsTheFullIdNumber_theCardNumber_orThePassword() {
    portal.activeAccount(person, "Tpe-2026!rain");
    login.login(card, "wrong-" + PASSWORD, IP);
    login.login(card, PASSWORD, IP);
    offDuty(person);
    login.login(card, PASSWORD, IP);
    for (AuditEvent event : portal.audit.recent(50)) {
      String text = String.valueOf(event);
      assertFalse(text.contains(person.idNumber().value()), text);
      assertFalse(text.contains(card), text);
      assertFalse(text.contains(PASSWORD), text);
    }
  }
}
