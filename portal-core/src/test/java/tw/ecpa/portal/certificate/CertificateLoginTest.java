package tw.ecpa.portal.certificate;

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
import tw.ecpa.portal.certificate.sim.CardResult;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.certificate.sim.SoftwareCard;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;

class CertificateLoginTest {

  static final String IP = "192.0.2.7";
  static Database database;

  CertificateFixture f;
  CertificateLogin login;
  Person person;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("certificate-login"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    f = new CertificateFixture(database);
    login = new CertificateLogin(f.moica, f.tickets, f.bindings, f.portal.accounts, f.portal.people,
        f.portal.policy, f.portal.audit, f.clock);
    person = f.portal.person("376480000A");
  }

  /** A card of this person's: their name and the last four digits of their identity number. */
  static SoftwareCard cardOf(Person person) {
    String id = person.idNumber().value();
    return CertificateFixture.ca().issuePerson(person.name(), id.substring(6)).card(CertificateFixture.PIN);
  }

  CertificateLoginOutcome.NeedsBinding firstStep(SoftwareCard card) {
    return assertInstanceOf(CertificateLoginOutcome.NeedsBinding.class, login.login(f.signFresh(card), IP));
  }

  @Test
  void login_unboundCertificate_asksForTheAccount_thenBindsAndLogsIn() {
    Account account = f.portal.activeAccount(person, "Tpe-2026!rain");
    SoftwareCard card = cardOf(person);

    CertificateLoginOutcome.NeedsBinding needs = firstStep(card);
    assertEquals(f.clock.instant().plus(CertificateLogin.TICKET_LIFETIME), needs.expiresAt());
    assertFalse(needs.toString().contains(needs.ticket()), "the ticket stays out of logs");
    assertTrue(needs.message().contains("自訂帳號"), needs.message());

    CertificateLoginOutcome.LoggedIn in = assertInstanceOf(CertificateLoginOutcome.LoggedIn.class,
        login.bind(needs.ticket(), account.customAccount(), IP));
    assertEquals(account.id(), in.account().id());
    assertTrue(in.newlyBound());
    assertEquals(Set.of(), in.pending());
    CertificateBinding binding = f.bindings.byFingerprint(in.certificate().fingerprint()).orElseThrow();
    assertEquals(account.id(), binding.accountId());
    assertEquals(List.of(AuditKind.CERTIFICATE_BOUND, AuditKind.LOGIN_SUCCEEDED),
        f.portal.auditKinds(person.idNumber()));
  }

  @Test
  void login_boundCertificate_logsInWithThePinAlone() {
    Account account = f.portal.activeAccount(person, "Tpe-2026!rain");
    SoftwareCard card = cardOf(person);
    login.bind(firstStep(card).ticket(), account.customAccount(), IP);

    CertificateLoginOutcome.LoggedIn again = assertInstanceOf(CertificateLoginOutcome.LoggedIn.class,
        login.login(f.signFresh(card), IP));
    assertEquals(account.id(), again.account().id());
    assertFalse(again.newlyBound());
    AuditEvent last = f.portal.audit.recent(1).get(0);
    assertEquals(AuditKind.LOGIN_SUCCEEDED, last.kind());
    assertEquals("moica serial " + again.certificate().serial(), last.detail());
  }

  @Test
  void bind_byIdNumber_ofAPersonWithoutAnAccount_createsTheAccount_whichMustBeSetUp() {
    SoftwareCard card = cardOf(person);
    CertificateLoginOutcome.LoggedIn in = assertInstanceOf(CertificateLoginOutcome.LoggedIn.class,
        login.bind(firstStep(card).ticket(), person.idNumber().value().toLowerCase(), IP));
    assertEquals(person.idNumber(), in.account().idNumber());
    assertEquals(Set.of(AccountGate.Pending.PASSWORD_CHANGE, AccountGate.Pending.PROFILE), in.pending());
  }

  @Test
  void bind_accountWhoseIdEndsOtherwise_notTheSamePerson_andThreeWrongTriesVoidTheTicket() {
    Person other = f.portal.person("376480000A");
    Account otherAccount = f.portal.activeAccount(other, "Tpe-2026!rain");
    CertificateLoginOutcome.NeedsBinding needs = firstStep(cardOf(person));

    CertificateLoginOutcome.NotSamePerson first = assertInstanceOf(CertificateLoginOutcome.NotSamePerson.class,
        login.bind(needs.ticket(), otherAccount.customAccount(), IP));
    assertEquals(2, first.triesLeft());
    assertTrue(first.message().startsWith("此身分證字號與使用的自然人憑證並不是同一個使用者"), first.message());
    assertEquals(1, assertInstanceOf(CertificateLoginOutcome.NotSamePerson.class,
        login.bind(needs.ticket(), otherAccount.customAccount(), IP)).triesLeft());
    assertEquals(0, assertInstanceOf(CertificateLoginOutcome.NotSamePerson.class,
        login.bind(needs.ticket(), other.idNumber().value(), IP)).triesLeft());

    assertInstanceOf(CertificateLoginOutcome.TicketExpired.class,
        login.bind(needs.ticket(), person.idNumber().value(), IP), "void after three wrong tries");
    assertTrue(f.bindings.byFingerprint(needs.certificate().fingerprint()).isEmpty());
  }

  @Test
  void bind_rightLastFourButAnotherName_notTheSamePerson() {
    String id = person.idNumber().value();
    SoftwareCard card = CertificateFixture.ca().issuePerson("林假冒", id.substring(6)).card(CertificateFixture.PIN);
    assertInstanceOf(CertificateLoginOutcome.NotSamePerson.class,
        login.bind(firstStep(card).ticket(), id, IP));
  }

  @Test
  void bind_wrongTryThenTheRightAccount_binds() {
    CertificateLoginOutcome.NeedsBinding needs = firstStep(cardOf(person));
    assertInstanceOf(CertificateLoginOutcome.NotInDatabase.class, login.bind(needs.ticket(), "nobody-here", IP));
    assertInstanceOf(CertificateLoginOutcome.LoggedIn.class,
        login.bind(needs.ticket(), person.idNumber().value(), IP));
    assertInstanceOf(CertificateLoginOutcome.TicketExpired.class,
        login.bind(needs.ticket(), person.idNumber().value(), IP), "a ticket binds once");
  }

  @Test
  void bind_unknownAccountOrIdNumber_notInTheDatabase_withTheSeedsWording() {
    CertificateLoginOutcome.NeedsBinding needs = firstStep(cardOf(person));
    CertificateLoginOutcome outcome = login.bind(needs.ticket(), tw.ecpa.portal.testing.PortalFixture.freshId().value(), IP);
    assertInstanceOf(CertificateLoginOutcome.NotInDatabase.class, outcome);
    assertTrue(outcome.message().startsWith("自訂帳號或身分證號驗證不存在於本總處公務人力資料庫中"), outcome.message());
  }

  @Test
  void bind_offDutyPerson_refused_andNothingBound() {
    f.portal.people.save(new Person(person.idNumber(), person.name(), person.birthday(),
        person.organizationCode(), person.onDutyDate(), PersonStatus.OFF_DUTY, person.email(), person.phone()));
    CertificateLoginOutcome.NeedsBinding needs = firstStep(cardOf(person));
    CertificateLoginOutcome outcome = login.bind(needs.ticket(), person.idNumber().value(), IP);
    assertInstanceOf(CertificateLoginOutcome.OffDuty.class, outcome);
    assertTrue(outcome.message().startsWith("驗證之公務人員為卸職狀態"), outcome.message());
    assertTrue(f.bindings.byFingerprint(needs.certificate().fingerprint()).isEmpty());
    assertTrue(f.portal.accounts.byLogin(person.idNumber().value()).isEmpty(), "no account made for them");
  }

  @Test
  void login_boundCertificateOfAPersonWhoLeftSince_offDuty() {
    Account account = f.portal.activeAccount(person, "Tpe-2026!rain");
    SoftwareCard card = cardOf(person);
    login.bind(firstStep(card).ticket(), account.customAccount(), IP);
    f.portal.people.save(new Person(person.idNumber(), person.name(), person.birthday(),
        person.organizationCode(), person.onDutyDate(), PersonStatus.OFF_DUTY, person.email(), person.phone()));
    assertInstanceOf(CertificateLoginOutcome.OffDuty.class, login.login(f.signFresh(card), IP));
  }

  @Test
  void bind_ticketOlderThanItsLifetime_expired() {
    CertificateLoginOutcome.NeedsBinding needs = firstStep(cardOf(person));
    f.clock.advance(CertificateLogin.TICKET_LIFETIME);
    assertInstanceOf(CertificateLoginOutcome.TicketExpired.class,
        login.bind(needs.ticket(), person.idNumber().value(), IP));
    assertInstanceOf(CertificateLoginOutcome.TicketExpired.class, login.bind("made-up", "x", IP));
    assertInstanceOf(CertificateLoginOutcome.TicketExpired.class, login.bind(null, null, IP));
  }

  @Test
  void login_refusedCertificate_rejectedWithItsMessage_andAudited() {
    DemoCa.Issued issued = CertificateFixture.ca().issuePerson(person.name(), "0000");
    CertificateFixture.ca().revoke(issued.certificate(), f.clock.instant().minus(Duration.ofMinutes(1)));
    CertificateLoginOutcome outcome = login.login(f.signFresh(issued.card(CertificateFixture.PIN)), IP);
    CertificateLoginOutcome.Rejected rejected = assertInstanceOf(CertificateLoginOutcome.Rejected.class, outcome);
    assertInstanceOf(Verification.Revoked.class, rejected.failure());
    assertEquals("憑證已被廢止，請確認所持憑證之有效性。", outcome.message());
    AuditEvent last = f.portal.audit.recent(1).get(0);
    assertEquals(AuditKind.LOGIN_FAILED, last.kind());
    assertEquals("moica: certificate revoked", last.detail());
  }

  @Test
  void login_certificateWithoutIdDigits_notACitizenCertificate() {
    SoftwareCard card = CertificateFixture.ca().issuePerson(person.name(), null, f.clock.instant().minusSeconds(60),
        f.clock.instant().plus(Duration.ofDays(1)), DemoCa.KeyType.EC).card(CertificateFixture.PIN);
    assertInstanceOf(CertificateLoginOutcome.NotCitizenCertificate.class, login.login(f.signFresh(card), IP));
  }

  @Test
  void login_cardLockedAfterThreeWrongPins_neverReachesTheServer() {
    SoftwareCard card = cardOf(person);
    byte[] challenge = f.challenges.issue().value().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertEquals(2, assertInstanceOf(CardResult.WrongPin.class, card.sign("000000", challenge)).triesLeft());
    assertEquals(1, assertInstanceOf(CardResult.WrongPin.class, card.sign("000000", challenge)).triesLeft());
    assertInstanceOf(CardResult.Locked.class, card.sign("000000", challenge));
    assertInstanceOf(CardResult.Locked.class, card.sign(CertificateFixture.PIN, challenge));
  }

  @Test
  void bindRenewed_newCardOfTheSamePerson_bound_andLogsInAfterwards() {
    Account account = f.portal.activeAccount(person, "Tpe-2026!rain");
    login.bind(firstStep(cardOf(person)).ticket(), account.customAccount(), IP);
    SoftwareCard renewed = cardOf(person);

    RenewalOutcome outcome = login.bindRenewed(account.id(), f.signFresh(renewed), IP);
    assertInstanceOf(RenewalOutcome.Bound.class, outcome);
    assertEquals(2, f.bindings.ofAccount(account.id()).size());
    CertificateLoginOutcome.LoggedIn in = assertInstanceOf(CertificateLoginOutcome.LoggedIn.class,
        login.login(f.signFresh(renewed), IP));
    assertEquals(account.id(), in.account().id());

    assertEquals(new RenewalOutcome.AlreadyBound(true), login.bindRenewed(account.id(), f.signFresh(renewed), IP));
  }

  @Test
  void bindRenewed_cardOfSomeoneElse_notTheSamePerson_andACardBoundElsewhere_alreadyBound() {
    Account account = f.portal.activeAccount(person, "Tpe-2026!rain");
    Person other = f.portal.person("376480000A");
    Account otherAccount = f.portal.activeAccount(other, "Tpe-2026!rain");
    SoftwareCard othersCard = cardOf(other);

    assertInstanceOf(RenewalOutcome.NotSamePerson.class, login.bindRenewed(account.id(), f.signFresh(othersCard), IP));
    assertInstanceOf(RenewalOutcome.Bound.class, login.bindRenewed(otherAccount.id(), f.signFresh(othersCard), IP));
    assertTrue(f.bindings.ofAccount(account.id()).isEmpty());
  }

  @Test
  void bindRenewed_replayedSignature_rejected() {
    Account account = f.portal.activeAccount(person, "Tpe-2026!rain");
    byte[] signed = f.signFresh(cardOf(person));
    assertInstanceOf(RenewalOutcome.Bound.class, login.bindRenewed(account.id(), signed, IP));
    RenewalOutcome replay = login.bindRenewed(account.id(), signed, IP);
    assertInstanceOf(Verification.UnknownChallenge.class,
        assertInstanceOf(RenewalOutcome.Rejected.class, replay).failure());
  }

  @Test
  void audit_neverHoldsTheFullIdNumber() {
    CertificateLoginOutcome.NeedsBinding needs = firstStep(cardOf(person));
    login.bind(needs.ticket(), "nobody-here", IP);
    login.bind(needs.ticket(), person.idNumber().value(), IP);
    for (AuditEvent event : f.portal.audit.recent(50)) {
      assertFalse(String.valueOf(event).contains(person.idNumber().value()), event.toString());
    }
  }
}
