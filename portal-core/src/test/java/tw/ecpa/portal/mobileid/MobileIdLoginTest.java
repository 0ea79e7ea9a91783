package tw.ecpa.portal.mobileid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.auth.IdentifiedPerson;
import tw.ecpa.portal.certificate.CertificateVerifier;
import tw.ecpa.portal.certificate.Challenges;
import tw.ecpa.portal.certificate.CrlRevocation;
import tw.ecpa.portal.certificate.Verification;
import tw.ecpa.portal.certificate.jdbc.JdbcChallengeStore;
import tw.ecpa.portal.certificate.sim.CardResult;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.certificate.sim.SoftwareCard;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.mobileid.MobileIdLoginOutcome.Reason;
import tw.ecpa.portal.mobileid.jdbc.JdbcMobileIdTransactions;
import tw.ecpa.portal.mobileid.sim.MobileIdSimulator;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.testing.PortalFixture;
import tw.ecpa.portal.testing.TestCas;

/** The mobile-ID login's state machine against the simulator, with real signatures from the demo CA. */
class MobileIdLoginTest {

  static final String IP = "192.0.2.44";
  static final Duration POLL = Duration.ofSeconds(MobileIdLogin.POLL_EVERY_SECONDS);
  static final RelyingParty PORTAL = RelyingParty.random("ecpa-test");
  static Database database;

  PortalFixture portal;
  Challenges challenges;
  MobileIdSimulator phones;
  Tampering service;
  MobileIdLogin login;
  Person person;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("mobile-id-login"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  /** The trusted demo CA. */
  static DemoCa ca() {
    return TestCas.trusted();
  }

  /** A CA with the same names and other keys, trusted by nobody. */
  static DemoCa foreign() {
    return TestCas.foreign();
  }


  @BeforeEach
  void fixture() {
    portal = new PortalFixture(database);
    challenges = new Challenges(new JdbcChallengeStore(database), portal.clock);
    phones = new MobileIdSimulator(portal.clock, ca(), PORTAL);
    service = new Tampering(phones);
    login = login(service, PORTAL);
    person = portal.person("376480000A");
    phones.bindPhone(person.idNumber(), person.name());
  }

  /** A login node over the shared database and challenges, talking to this service as this party. */
  MobileIdLogin login(MobileIdService to, RelyingParty as) {
    CertificateVerifier verifier = new CertificateVerifier(challenges, ca().moicaTrust(),
        new CrlRevocation(ca().crls()), portal.clock);
    return new MobileIdLogin(to, as, challenges, verifier, new JdbcMobileIdTransactions(database),
        new IdentifiedPerson(portal.people, portal.accounts), portal.policy, portal.audit, portal.clock);
  }

  MobileIdLoginOutcome.Started start(Person p) {
    return assertInstanceOf(MobileIdLoginOutcome.Started.class, login.start(p.idNumber().value(), IP));
  }

  /** Waits the poll interval, then polls. */
  MobileIdLoginOutcome pollLater(String transactionId) {
    portal.clock.advance(POLL);
    return login.poll(transactionId, IP);
  }

  /** The newest audit event about this identity number (the tests share a database and a clock instant). */
  AuditEvent lastAbout(IdNumber id) {
    return portal.audit.recent(10_000).stream().filter(e -> id.masked().equals(e.target())).findFirst()
        .orElseThrow();
  }

  void offDuty(Person p) {
    portal.people.save(new Person(p.idNumber(), p.name(), p.birthday(), p.organizationCode(), p.onDutyDate(),
        PersonStatus.OFF_DUTY, p.email(), p.phone()));
  }

  @Test
  void start_waiting_approvedOnThePhone_loggedIn_andAudited() {
    Account account = portal.activeAccount(person, "Tpe-2026!rain");
    MobileIdLoginOutcome.Started started = start(person);
    assertEquals(portal.clock.instant().plus(Duration.ofMinutes(3)), started.expiresAt());
    assertEquals(4, started.pollEverySeconds());
    assertFalse(started.toString().contains(started.transactionId()), "the transaction id stays out of logs");
    assertTrue(started.message().contains("行動自然人憑證APP"), started.message());
    assertEquals(started.transactionId(), phones.waitingOn(person.idNumber()).orElseThrow());

    assertInstanceOf(MobileIdLoginOutcome.Waiting.class, pollLater(started.transactionId()));
    assertInstanceOf(MobileIdLoginOutcome.Waiting.class, pollLater(started.transactionId()));
    assertTrue(phones.approve(started.transactionId()));

    MobileIdLoginOutcome.LoggedIn in = assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class,
        pollLater(started.transactionId()));
    assertEquals(account.id(), in.account().id());
    assertEquals(Set.of(), in.pending());
    assertEquals(person.name(), in.certificate().holderName());
    AuditEvent last = lastAbout(person.idNumber());
    assertEquals(AuditKind.LOGIN_SUCCEEDED, last.kind());
    assertEquals("mobile-id serial " + in.certificate().serial(), last.detail());
    assertEquals(account.customAccount(), last.actor());
  }

  @Test
  void approved_servingPersonWithoutAnAccount_getsOne_whichMustBeSetUp() {
    String transaction = start(person).transactionId();
    phones.approve(transaction);
    MobileIdLoginOutcome.LoggedIn in = assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class, pollLater(transaction));
    assertEquals(person.idNumber(), in.account().idNumber());
    assertEquals(Set.of(AccountGate.Pending.PASSWORD_CHANGE, AccountGate.Pending.PROFILE), in.pending());
  }

  @Test
  void startedOnOneNode_polledOnAnother_logsIn() {
    String transaction = start(person).transactionId();
    phones.approve(transaction);
    portal.clock.advance(POLL);
    assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class, login(service, PORTAL).poll(transaction, IP));
  }

  @Test
  void approvedTransaction_polledAgain_refused_evenThoughTheServiceStillSaysApproved() {
    String transaction = start(person).transactionId();
    phones.approve(transaction);
    assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class, pollLater(transaction));

    MobileIdLoginOutcome replay = pollLater(transaction);
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.ALREADY_USED), replay);
    assertEquals("此驗證交易已使用或已失效，請重新登入。", replay.message());
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.ALREADY_USED), login(service, PORTAL).poll(transaction, IP),
        "on another node too");
  }

  @Test
  void approvedResponse_replayedIntoAnotherTransaction_rejected() {
    String first = start(person).transactionId();
    phones.approve(first);
    assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class, pollLater(first));
    byte[] collected = phones.result(PORTAL.result(first)) instanceof MobileIdService.TransactionResult.Approved a
        ? a.signedResponse() : null;

    service.forge = signData -> collected;
    String second = start(person).transactionId();
    MobileIdLoginOutcome.Rejected rejected = assertInstanceOf(MobileIdLoginOutcome.Rejected.class, pollLater(second));
    assertInstanceOf(Verification.UnknownChallenge.class, rejected.failure());
  }

  @Test
  void deniedOnThePhone_denied_andStaysDenied() {
    String transaction = start(person).transactionId();
    assertTrue(phones.deny(transaction));
    assertFalse(phones.approve(transaction), "acted on already");
    MobileIdLoginOutcome denied = pollLater(transaction);
    assertInstanceOf(MobileIdLoginOutcome.Denied.class, denied);
    assertTrue(denied.message().contains("拒絕"), denied.message());
    assertInstanceOf(MobileIdLoginOutcome.Denied.class, pollLater(transaction));
    assertEquals(AuditKind.LOGIN_FAILED, lastAbout(person.idNumber()).kind());
    assertEquals("mobile-id: denied on the phone", lastAbout(person.idNumber()).detail());
  }

  @Test
  void nobodyActsForThreeMinutes_expired_andTheNumberMayStartAgain() {
    String transaction = start(person).transactionId();
    portal.clock.advance(Duration.ofMinutes(3).minusSeconds(1));
    assertInstanceOf(MobileIdLoginOutcome.Waiting.class, login.poll(transaction, IP));
    portal.clock.advance(Duration.ofSeconds(1));
    assertFalse(phones.approve(transaction), "too late on the phone");
    assertInstanceOf(MobileIdLoginOutcome.Expired.class, login.poll(transaction, IP));
    assertInstanceOf(MobileIdLoginOutcome.Expired.class, pollLater(transaction));
    start(person);
  }

  @Test
  void serviceSaysExpired_expired() {
    String transaction = start(person).transactionId();
    service.answer = new MobileIdService.TransactionResult.Expired();
    assertInstanceOf(MobileIdLoginOutcome.Expired.class, pollLater(transaction));
  }

  @Test
  void pollSoonerThanFourSeconds_tooSoon_withTheTimeLeft() {
    String transaction = start(person).transactionId();
    MobileIdLoginOutcome tooSoon = login.poll(transaction, IP);
    assertEquals(new MobileIdLoginOutcome.TooSoon(POLL), tooSoon, "the start counts as a poll");
    assertEquals("查詢過於頻繁，請於 4 秒後再查詢驗證結果。", tooSoon.message());
    portal.clock.advance(Duration.ofMillis(2500));
    assertEquals(new MobileIdLoginOutcome.TooSoon(Duration.ofMillis(1500)), login.poll(transaction, IP));
    assertEquals("查詢過於頻繁，請於 2 秒後再查詢驗證結果。", login.poll(transaction, IP).message());
    portal.clock.advance(Duration.ofMillis(1500));
    assertInstanceOf(MobileIdLoginOutcome.Waiting.class, login.poll(transaction, IP));
    phones.approve(transaction);
    assertInstanceOf(MobileIdLoginOutcome.TooSoon.class, login.poll(transaction, IP), "not even once approved");
  }

  @Test
  void startWhileTheNumberHasALiveTransaction_refused_notGivenTheLiveOne() {
    String first = start(person).transactionId();
    MobileIdLoginOutcome second = login.start(person.idNumber().value().toLowerCase(), IP);
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.ALREADY_PENDING), second);
    assertFalse(second.toString().contains(first));
    phones.deny(first);
    pollLater(first);
    start(person);
  }

  @Test
  void unknownOrMalformedTransactionIds_refused() {
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.UNKNOWN_TRANSACTION), login.poll("made-up", IP));
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.UNKNOWN_TRANSACTION), login.poll(null, IP));
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.UNKNOWN_TRANSACTION), login.poll("x".repeat(5000), IP));
  }

  @Test
  void malformedIdNumber_refused_withoutAskingTheService() {
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.INVALID_ID_NUMBER), login.start("A123456788", IP));
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.INVALID_ID_NUMBER), login.start(null, IP));
    assertEquals(0, service.starts);
  }

  @Test
  void numberWithoutABoundPhone_refusedWithTheSeedsDirection_andMayTryAgain() {
    Person other = portal.person("376480000A");
    MobileIdLoginOutcome refused = login.start(other.idNumber().value(), IP);
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.NO_BOUND_PHONE), refused);
    assertTrue(refused.message().contains("持自然人憑證登入行動自然人憑證網站完成註冊/綁定"), refused.message());
    phones.bindPhone(other.idNumber(), other.name());
    start(other);
  }

  @Test
  void checksumWithAnotherKey_refusedByTheService() {
    MobileIdLogin wrongKey = login(phones, RelyingParty.random(PORTAL.serviceId()));
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.SERVICE_ERROR), wrongKey.start(person.idNumber().value(), IP));
    assertEquals("mobile-id: service refused the start: checksum mismatch", lastAbout(person.idNumber()).detail());
    assertTrue(phones.waitingOn(person.idNumber()).isEmpty(), "nothing pushed");
    start(person);
  }

  @Test
  void pollChecksumWithAnotherKey_refusedByTheService_andTheTransactionEnds() {
    String transaction = start(person).transactionId();
    phones.approve(transaction);
    MobileIdLogin wrongKey = login(phones, RelyingParty.random(PORTAL.serviceId()));
    portal.clock.advance(POLL);
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.SERVICE_ERROR), wrongKey.poll(transaction, IP));
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.SERVICE_ERROR), pollLater(transaction));
  }

  @Test
  void signedWithAnotherKeyThanTheCertificates_badSignature() {
    DemoCa.Issued holders = ca().issuePerson(person.name(), lastFour(person));
    DemoCa.Issued others = ca().issuePerson("林其他", "0000");
    service.forge = signData -> sign(new SoftwareCard(others.privateKey(), holders.certificate(), "0000"), signData);
    assertRejected(Verification.BadSignature.class, start(person).transactionId());
  }

  @Test
  void certificateOfSomeoneElse_notTheSamePerson_andNoAccountMade() {
    phones.bindPhone(person.idNumber(), ca().issuePerson("林其他", "0000"));
    String transaction = start(person).transactionId();
    phones.approve(transaction);
    MobileIdLoginOutcome outcome = pollLater(transaction);
    assertInstanceOf(MobileIdLoginOutcome.NotSamePerson.class, outcome);
    assertTrue(outcome.message().startsWith("此身分證字號與使用的行動自然人憑證並不是同一個使用者"), outcome.message());
    assertTrue(portal.accounts.byLogin(person.idNumber().value()).isEmpty());
  }

  @Test
  void rightLastFourButAnotherName_notTheSamePerson() {
    phones.bindPhone(person.idNumber(), ca().issuePerson("林假冒", lastFour(person)));
    String transaction = start(person).transactionId();
    phones.approve(transaction);
    assertInstanceOf(MobileIdLoginOutcome.NotSamePerson.class, pollLater(transaction));
  }

  @Test
  void signedAnotherLiveChallenge_rejected_andThatChallengeIsNotUsedUp() {
    Challenges.Challenge other = challenges.issue();
    DemoCa.Issued holders = ca().issuePerson(person.name(), lastFour(person));
    service.forge = signData -> sign(holders.card("0000"), other.value());
    assertRejected(Verification.UnknownChallenge.class, start(person).transactionId());
    assertTrue(challenges.take(other.value()), "left for whoever it was issued to");
  }

  @Test
  void certificateOfAnUntrustedCa_untrustedIssuer() {
    DemoCa.Issued forged = foreign().issuePerson(person.name(), lastFour(person));
    service.forge = signData -> sign(forged.card("0000"), signData);
    assertRejected(Verification.UntrustedIssuer.class, start(person).transactionId());
  }

  @Test
  void revokedCertificate_revoked_withTheVerifiersMessage() {
    DemoCa.Issued revoked = ca().issuePerson(person.name(), lastFour(person));
    ca().revoke(revoked.certificate(), portal.clock.instant().minus(Duration.ofMinutes(1)));
    phones.bindPhone(person.idNumber(), revoked);
    String transaction = start(person).transactionId();
    phones.approve(transaction);
    MobileIdLoginOutcome outcome = pollLater(transaction);
    assertEquals("憑證已被廢止，請確認所持憑證之有效性。", outcome.message());
    assertEquals("mobile-id: certificate revoked", lastAbout(person.idNumber()).detail());
  }

  @Test
  void garbageResponse_malformed() {
    service.forge = signData -> "not CMS".getBytes(StandardCharsets.US_ASCII);
    assertRejected(Verification.Malformed.class, start(person).transactionId());
  }

  @Test
  void personNotInTheDatabase_notInDatabase_withTheCertificateLoginsWording() {
    IdNumber stranger = PortalFixture.freshId();
    phones.bindPhone(stranger, "林路人");
    String transaction = assertInstanceOf(MobileIdLoginOutcome.Started.class,
        login.start(stranger.value(), IP)).transactionId();
    phones.approve(transaction);
    MobileIdLoginOutcome outcome = pollLater(transaction);
    assertInstanceOf(MobileIdLoginOutcome.NotInDatabase.class, outcome);
    assertTrue(outcome.message().startsWith("自訂帳號或身分證號驗證不存在於本總處公務人力資料庫中"), outcome.message());
  }

  @Test
  void personOffDuty_offDuty() {
    portal.activeAccount(person, "Tpe-2026!rain");
    offDuty(person);
    String transaction = start(person).transactionId();
    phones.approve(transaction);
    MobileIdLoginOutcome outcome = pollLater(transaction);
    assertInstanceOf(MobileIdLoginOutcome.OffDuty.class, outcome);
    assertTrue(outcome.message().startsWith("驗證之公務人員為卸職狀態"), outcome.message());
  }

  @Test
  void serviceUnreachableWhilePolling_waiting_thenTheResult() {
    String transaction = start(person).transactionId();
    service.down = true;
    assertInstanceOf(MobileIdLoginOutcome.Waiting.class, pollLater(transaction));
    service.down = false;
    phones.approve(transaction);
    assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class, pollLater(transaction));
  }

  @Test
  void removeExpired_endsAbandonedTransactions() {
    String transaction = start(person).transactionId();
    portal.clock.advance(Duration.ofMinutes(3));
    assertTrue(login.removeExpired() >= 1);
    assertInstanceOf(MobileIdLoginOutcome.Expired.class, login.poll(transaction, IP));
    portal.clock.advance(MobileIdLogin.KEPT.plusSeconds(1));
    login.removeExpired();
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.UNKNOWN_TRANSACTION), login.poll(transaction, IP));
  }

  @Test
  void audit_neverHoldsTheFullIdNumber() {
    String denied = start(person).transactionId();
    login.start(person.idNumber().value(), IP);
    phones.deny(denied);
    pollLater(denied);
    String approved = start(person).transactionId();
    phones.approve(approved);
    pollLater(approved);
    for (AuditEvent event : portal.audit.recent(100)) {
      assertFalse(String.valueOf(event).contains(person.idNumber().value()), event.toString());
      assertFalse(String.valueOf(event).contains(approved), event.toString());
    }
    assertEquals(List.of(AuditKind.LOGIN_FAILED, AuditKind.LOGIN_FAILED, AuditKind.LOGIN_SUCCEEDED),
        portal.auditKinds(person.idNumber()));
  }

  void assertRejected(Class<? extends Verification.Failure> failure, String transaction) {
    MobileIdLoginOutcome outcome = pollLater(transaction);
    MobileIdLoginOutcome.Rejected rejected = assertInstanceOf(MobileIdLoginOutcome.Rejected.class, outcome);
    assertInstanceOf(failure, rejected.failure());
    assertEquals(rejected.failure().message(), outcome.message());
    assertTrue(portal.accounts.byLogin(person.idNumber().value()).isEmpty(), "no account made");
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.ALREADY_USED), pollLater(transaction), "ended");
  }

  static String lastFour(Person p) {
    return p.idNumber().value().substring(6);
  }

  static byte[] sign(SoftwareCard card, String content) {
    return ((CardResult.Signed) card.sign("0000", content.getBytes(StandardCharsets.US_ASCII))).signedData();
  }

  /**
   * The simulator with a hand on the wire: it can answer every poll as approved with a forged response
   * (made from the content the portal asked to sign), answer with a fixed result, or be unreachable.
   */
  static final class Tampering implements MobileIdService {
    final MobileIdSimulator real;
    volatile Function<String, byte[]> forge;
    volatile TransactionResult answer;
    volatile boolean down;
    volatile String signData;
    int starts;

    Tampering(MobileIdSimulator real) {
      this.real = real;
    }

    @Override
    public StartAnswer start(StartRequest request) {
      starts++;
      signData = request.signData();
      return real.start(request);
    }

    @Override
    public TransactionResult result(ResultRequest request) {
      if (down) {
        throw new IllegalStateException("connection refused");
      }
      if (forge != null) {
        return new TransactionResult.Approved(forge.apply(signData));
      }
      return answer != null ? answer : real.result(request);
    }
  }
}
