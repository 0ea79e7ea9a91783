package tw.ecpa.portal.certificate.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.cert.X509CRL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.certificate.CrlRevocation;
import tw.ecpa.portal.certificate.OcspRevocation;
import tw.ecpa.portal.certificate.RevocationSource;
import tw.ecpa.portal.certificate.RevocationStatus;
import tw.ecpa.portal.testing.MovableClock;

/**
 * The demo CA of a server that stays up: its CRLs and OCSP answers are current for a day, and it issues new ones
 * whenever asked, so a week after the start (or a year) they still answer for its cards.
 */
class DemoCaTest {

  final MovableClock clock = new MovableClock(MovableClock.WORKING_MORNING);
  final DemoCa ca = DemoCa.create(clock);

  @Test
  void aWeekOn_theCrlAndTheOcspAnswer_areCurrentAndListTheRevocations() {
    DemoCa.Issued good = ca.issuePerson("王小明", "6789");
    DemoCa.Issued revoked = ca.issuePerson("周志明", "7659");
    ca.revoke(revoked.certificate(), clock.instant());
    X509CRL first = ca.crl(ca.moicaCa());

    clock.advance(Duration.ofDays(8));

    X509CRL later = ca.crl(ca.moicaCa());
    assertEquals(clock.instant(), later.getThisUpdate().toInstant(), "a CRL issued when asked");
    assertEquals(clock.instant().plus(DemoCa.CRL_PERIOD), later.getNextUpdate().toInstant());
    assertInstanceOf(RevocationStatus.Unknown.class, new CrlRevocation(issuer -> java.util.Optional.of(first))
        .status(good.certificate(), ca.moicaCa(), clock.instant()), "the week-old CRL alone would be stale");
    for (RevocationSource check : new RevocationSource[] {new CrlRevocation(ca.crls()), new OcspRevocation(ca.ocsp())}) {
      assertInstanceOf(RevocationStatus.Good.class, check.status(good.certificate(), ca.moicaCa(), clock.instant()),
          check.getClass().getSimpleName());
      assertInstanceOf(RevocationStatus.Revoked.class,
          check.status(revoked.certificate(), ca.moicaCa(), clock.instant()), check.getClass().getSimpleName());
    }
  }

  @Test
  void cAsOfOneReusedKeySequence_shareTheirKeys_andOtherSequencesAndFreshCasDoNot() {
    DemoCa first = DemoCa.create(clock, DemoKeys.reused("test-sequence"));
    DemoCa second = DemoCa.create(clock, DemoKeys.reused("test-sequence"));
    DemoCa other = DemoCa.create(clock, DemoKeys.reused("test-other-sequence"));

    assertEquals(first.root().getPublicKey(), second.root().getPublicKey());
    assertEquals(first.issuePerson("王小明", "6789").certificate().getPublicKey(),
        second.issuePerson("周志明", "7659").certificate().getPublicKey(), "the n-th card key is the same");
    assertNotEquals(first.root().getPublicKey(), other.root().getPublicKey());
    assertNotEquals(first.root().getPublicKey(), ca.root().getPublicKey());
    assertNotEquals(first.root(), second.root(), "each CA still issues its own certificates");
  }

  @Test
  void anAnswerIssuedJustAfterTheCheckBegan_counts_butOneFromFarAhead_doesNot() {
    DemoCa.Issued good = ca.issuePerson("王小明", "6789");
    java.time.Instant checkBegan = clock.instant().minusMillis(1);
    clock.advance(Duration.ofSeconds(1));
    for (RevocationSource check : new RevocationSource[] {new CrlRevocation(ca.crls()), new OcspRevocation(ca.ocsp())}) {
      assertInstanceOf(RevocationStatus.Good.class, check.status(good.certificate(), ca.moicaCa(), checkBegan),
          "issued a moment after the check began (in whole seconds): " + check.getClass().getSimpleName());
    }
    clock.advance(RevocationSource.CLOCK_SKEW);
    for (RevocationSource check : new RevocationSource[] {new CrlRevocation(ca.crls()), new OcspRevocation(ca.ocsp())}) {
      assertInstanceOf(RevocationStatus.Unknown.class, check.status(good.certificate(), ca.moicaCa(), checkBegan),
          "dated well after the moment asked about: " + check.getClass().getSimpleName());
    }
  }
}
