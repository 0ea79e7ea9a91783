package tw.ecpa.portal.mobileid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tw.ecpa.portal.audit.AuditEvent;
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

/**
 * What the mobile-ID login tests share: the portal's stores on one database, challenges, the simulator
 * with a person's phone bound, the simulator behind a {@link Tampering} hand, and a login node talking to
 * it, all over a clock the test moves; real signatures come from the demo CA ({@link TestCas}).
 */
final class MobileIdFixture {

  static final String IP = "192.0.2.44";
  static final Duration POLL = Duration.ofSeconds(MobileIdLogin.POLL_EVERY_SECONDS);
  static final RelyingParty PORTAL = RelyingParty.random("ecpa-test");

  final Database database;
  final PortalFixture portal;
  final Challenges challenges;
  final MobileIdSimulator phones;
  final Tampering service;
  final MobileIdLogin login;
  final Person person;

  /** The one in-memory database of the mobile-ID tests; each fixture makes its own people on it. */
  private static Database shared;

  /** A fixture on the tests' shared database, opened on first use (it lives as long as the JVM). */
  static synchronized MobileIdFixture fresh() {
    if (shared == null) {
      shared = Database.open(Database.Location.inMemory("mobile-id"), 4);
    }
    return new MobileIdFixture(shared);
  }

  private MobileIdFixture(Database database) {
    this.database = database;
    portal = new PortalFixture(database);
    challenges = new Challenges(new JdbcChallengeStore(database), portal.clock);
    phones = new MobileIdSimulator(portal.clock, ca(), PORTAL);
    service = new Tampering(phones);
    login = login(service, PORTAL);
    person = portal.person("376480000A");
    phones.bindPhone(person.idNumber(), person.name());
  }

  /** The trusted demo CA. */
  static DemoCa ca() {
    return TestCas.trusted();
  }

  /** A CA with the same names and other keys, trusted by nobody. */
  static DemoCa foreign() {
    return TestCas.foreign();
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

  /** The transaction, polled once more, is rejected for this failure, makes no account and is ended. */
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
}
