package tw.ecpa.portal.certificate;

import java.nio.charset.StandardCharsets;
import tw.ecpa.portal.certificate.jdbc.JdbcBindingTickets;
import tw.ecpa.portal.certificate.jdbc.JdbcCertificateBindings;
import tw.ecpa.portal.certificate.jdbc.JdbcChallengeStore;
import tw.ecpa.portal.certificate.sim.CardResult;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.certificate.sim.SoftwareCard;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.testing.MovableClock;
import tw.ecpa.portal.testing.PortalFixture;
import tw.ecpa.portal.testing.TestCas;

/**
 * What the certificate tests share: the portal's stores on one H2 database, a demo CA (made once: RSA
 * keys take a while) and a second, untrusted one with the same names, challenges and verifiers over a
 * clock the test moves. The CAs ({@link TestCas}) are dated where the test clocks start.
 */
final class CertificateFixture {

  static final String PIN = "123456";

  final PortalFixture portal;
  final MovableClock clock;
  final Challenges challenges;
  final CertificateVerifier moica;
  final CertificateVerifier gca;
  final JdbcCertificateBindings bindings;
  final JdbcBindingTickets tickets;

  CertificateFixture(Database database) {
    portal = new PortalFixture(database);
    clock = portal.clock;
    challenges = new Challenges(new JdbcChallengeStore(database), clock);
    moica = new CertificateVerifier(challenges, ca().moicaTrust(), new CrlRevocation(ca().crls()), clock);
    gca = new CertificateVerifier(challenges, ca().gcaTrust(), new CrlRevocation(ca().crls()), clock);
    bindings = new JdbcCertificateBindings(database);
    tickets = new JdbcBindingTickets(database);
  }

  /** The trusted demo CA. */
  static DemoCa ca() {
    return TestCas.trusted();
  }

  /** A second CA with the same names and other keys, trusted by nobody. */
  static DemoCa foreign() {
    return TestCas.foreign();
  }

  /** The card's answer to a fresh challenge, signed with the right PIN. */
  byte[] signFresh(SoftwareCard card) {
    return sign(card, challenges.issue().value());
  }

  /** The card's signature over this text, with the right PIN. */
  static byte[] sign(SoftwareCard card, String content) {
    CardResult result = card.sign(PIN, content.getBytes(StandardCharsets.US_ASCII));
    if (!(result instanceof CardResult.Signed signed)) {
      throw new AssertionError("the card did not sign: " + result);
    }
    return signed.signedData();
  }
}
