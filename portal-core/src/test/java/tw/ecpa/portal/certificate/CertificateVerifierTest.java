package tw.ecpa.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.certificate.sim.SoftwareCard;
import tw.ecpa.portal.jdbc.Database;

class CertificateVerifierTest {

  static Database database;
  CertificateFixture f;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("certificate-verifier"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    f = new CertificateFixture(database);
  }

  static SoftwareCard card(DemoCa.Issued issued) {
    return issued.card(CertificateFixture.PIN);
  }

  @Test
  void verify_goodCardAndLiveChallenge_verifiedWithTheCertificateFacts() {
    DemoCa.Issued issued = CertificateFixture.ca().issuePerson("王小明", "6789");
    Verification result = f.moica.verify(f.signFresh(card(issued)));
    Verification.Verified verified = assertInstanceOf(Verification.Verified.class, result);
    assertEquals("王小明", verified.certificate().holderName());
    assertEquals("6789", verified.certificate().idLastFour());
    assertEquals(issued.facts(), verified.certificate());
    assertEquals(issued.certificate(), verified.x509());
  }

  @Test
  void verify_ecdsaCard_verified() {
    Instant from = f.clock.instant().minus(Duration.ofDays(1));
    DemoCa.Issued issued = CertificateFixture.ca().issuePerson("王小明", "6789", from, from.plus(DemoCa.VALIDITY),
        DemoCa.KeyType.EC);
    assertInstanceOf(Verification.Verified.class, f.moica.verify(f.signFresh(card(issued))));
  }

  @Test
  void verify_signatureByAKeyNotMatchingTheCertificate_badSignature_andTheChallengeStaysUsable() {
    DemoCa.Issued holder = CertificateFixture.ca().issuePerson("王小明", "6789");
    DemoCa.Issued other = CertificateFixture.ca().issuePerson("陳美玲", "1232");
    SoftwareCard forged = new SoftwareCard(other.privateKey(), holder.certificate(), CertificateFixture.PIN);
    String challenge = f.challenges.issue().value();

    assertInstanceOf(Verification.BadSignature.class, f.moica.verify(CertificateFixture.sign(forged, challenge)));
    assertInstanceOf(Verification.Verified.class,
        f.moica.verify(CertificateFixture.sign(card(holder), challenge)));
  }

  @Test
  void verify_contentThatIsNotTheIssuedChallenge_unknownChallenge() {
    SoftwareCard card = card(CertificateFixture.ca().issuePerson("王小明", "6789"));
    String challenge = f.challenges.issue().value();
    String tampered = (challenge.charAt(0) == 'A' ? 'B' : 'A') + challenge.substring(1);
    assertInstanceOf(Verification.UnknownChallenge.class, f.moica.verify(CertificateFixture.sign(card, tampered)));
  }

  @Test
  void verify_bytesTamperedAfterSigning_badSignature() {
    SoftwareCard card = card(CertificateFixture.ca().issuePerson("王小明", "6789"));
    String challenge = f.challenges.issue().value();
    byte[] signed = CertificateFixture.sign(card, challenge);
    byte[] content = challenge.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int at = indexOf(signed, content);
    assertTrue(at > 0, "the challenge is encapsulated");
    signed[at] ^= 0x01;
    Verification result = f.moica.verify(signed);
    assertInstanceOf(Verification.BadSignature.class, result);
  }

  @Test
  void verify_sameAnswerTwice_secondIsAReplay() {
    byte[] signed = f.signFresh(card(CertificateFixture.ca().issuePerson("王小明", "6789")));
    assertInstanceOf(Verification.Verified.class, f.moica.verify(signed));
    assertInstanceOf(Verification.UnknownChallenge.class, f.moica.verify(signed));
  }

  @Test
  void verify_challengeOlderThanTwoMinutes_unknownChallenge() {
    SoftwareCard card = card(CertificateFixture.ca().issuePerson("王小明", "6789"));
    String challenge = f.challenges.issue().value();
    f.clock.advance(Challenges.LIFETIME);
    assertInstanceOf(Verification.UnknownChallenge.class, f.moica.verify(CertificateFixture.sign(card, challenge)));
  }

  @Test
  void verify_challengeJustBeforeExpiry_verified() {
    SoftwareCard card = card(CertificateFixture.ca().issuePerson("王小明", "6789"));
    String challenge = f.challenges.issue().value();
    f.clock.advance(Challenges.LIFETIME.minusSeconds(1));
    assertInstanceOf(Verification.Verified.class, f.moica.verify(CertificateFixture.sign(card, challenge)));
  }

  @Test
  void verify_expiredCertificate_expired() {
    Instant now = f.clock.instant();
    DemoCa.Issued issued = CertificateFixture.ca().issuePerson("王小明", "6789",
        now.minus(DemoCa.VALIDITY), now.minusSeconds(60), DemoCa.KeyType.RSA);
    Verification.Expired expired =
        assertInstanceOf(Verification.Expired.class, f.moica.verify(f.signFresh(card(issued))));
    assertEquals(now.minusSeconds(60), expired.notAfter());
    assertEquals("憑證已過期，請確認所持憑證之有效性。", expired.message());
  }

  @Test
  void verify_certificateNotYetValid_notYetValid() {
    Instant now = f.clock.instant();
    DemoCa.Issued issued = CertificateFixture.ca().issuePerson("王小明", "6789",
        now.plus(Duration.ofDays(1)), now.plus(DemoCa.VALIDITY), DemoCa.KeyType.RSA);
    assertInstanceOf(Verification.NotYetValid.class, f.moica.verify(f.signFresh(card(issued))));
  }

  @Test
  void verify_revokedOnTheCrl_revoked() {
    DemoCa.Issued issued = CertificateFixture.ca().issuePerson("王小明", "6789");
    Instant at = f.clock.instant().minus(Duration.ofHours(1));
    CertificateFixture.ca().revoke(issued.certificate(), at);
    Verification.Revoked revoked =
        assertInstanceOf(Verification.Revoked.class, f.moica.verify(f.signFresh(card(issued))));
    assertEquals(at, revoked.revokedAt());
    assertEquals("憑證已被廢止，請確認所持憑證之有效性。", revoked.message());
  }

  @Test
  void verify_revokedAnswerOfTheOcspResponder_revoked_andAGoodOneVerified() {
    CertificateVerifier byOcsp = new CertificateVerifier(f.challenges, CertificateFixture.ca().moicaTrust(),
        new OcspRevocation(CertificateFixture.ca().ocsp()), f.clock);
    DemoCa.Issued good = CertificateFixture.ca().issuePerson("王小明", "6789");
    DemoCa.Issued bad = CertificateFixture.ca().issuePerson("林小華", "2344");
    CertificateFixture.ca().revoke(bad.certificate(), f.clock.instant().minus(Duration.ofHours(1)));

    assertInstanceOf(Verification.Verified.class, byOcsp.verify(f.signFresh(card(good))));
    assertInstanceOf(Verification.Revoked.class, byOcsp.verify(f.signFresh(card(bad))));
  }

  @Test
  void verify_revocationCannotBeChecked_refusedAsUnavailable() {
    DemoCa offline = DemoCa.create(f.clock);
    offline.offline(true);
    DemoCa.Issued issued = offline.issuePerson("王小明", "6789");
    for (RevocationSource source : new RevocationSource[] {
        new CrlRevocation(offline.crls()), new OcspRevocation(offline.ocsp())}) {
      CertificateVerifier verifier = new CertificateVerifier(f.challenges, offline.moicaTrust(), source, f.clock);
      Verification result = verifier.verify(f.signFresh(card(issued)));
      assertInstanceOf(Verification.RevocationUnavailable.class, result, source.getClass().getSimpleName());
    }
  }

  @Test
  void verify_crlPastItsNextUpdate_refusedAsUnavailable() {
    DemoCa.Issued issued = CertificateFixture.ca().issuePerson("王小明", "6789");
    String challenge = f.challenges.issue().value();
    CertificateVerifier later = new CertificateVerifier(f.challenges, CertificateFixture.ca().moicaTrust(),
        (certificate, issuer, at) -> new CrlRevocation(CertificateFixture.ca().crls())
            .status(certificate, issuer, at.plus(DemoCa.CRL_PERIOD).plusSeconds(1)), f.clock);
    assertInstanceOf(Verification.RevocationUnavailable.class,
        later.verify(CertificateFixture.sign(card(issued), challenge)));
  }

  @Test
  void verify_certificateOfAnotherCaWithTheSameNames_untrustedIssuer() {
    DemoCa.Issued stranger = CertificateFixture.foreign().issuePerson("王小明", "6789");
    assertEquals(CertificateFixture.ca().moicaCa().getSubjectX500Principal(),
        stranger.certificate().getIssuerX500Principal(), "same issuer name, other key");
    Verification result = f.moica.verify(f.signFresh(card(stranger)));
    assertInstanceOf(Verification.UntrustedIssuer.class, result);
    assertEquals("非信任的憑證發行單位，請確認所持憑證之有效性。", ((Verification.Failure) result).message());
  }

  @Test
  void verify_organizationCertificateAtTheCitizenLogin_untrustedIssuer_andTheOtherWayRound() {
    DemoCa.Issued organization = CertificateFixture.ca().issueOrganization("行政院人事行政總處", "376480000A");
    DemoCa.Issued person = CertificateFixture.ca().issuePerson("王小明", "6789");
    assertInstanceOf(Verification.UntrustedIssuer.class, f.moica.verify(f.signFresh(card(organization))));
    assertInstanceOf(Verification.UntrustedIssuer.class, f.gca.verify(f.signFresh(card(person))));
    assertInstanceOf(Verification.Verified.class, f.gca.verify(f.signFresh(card(organization))));
  }

  @Test
  void verify_garbageEmptyOrNull_malformed() {
    assertInstanceOf(Verification.Malformed.class, f.moica.verify(null));
    assertInstanceOf(Verification.Malformed.class, f.moica.verify(new byte[0]));
    assertInstanceOf(Verification.Malformed.class, f.moica.verify("not a signature".getBytes()));
    assertInstanceOf(Verification.Malformed.class, f.moica.verify(new byte[CertificateVerifier.MAX_SIZE + 1]));
    byte[] signed = f.signFresh(card(CertificateFixture.ca().issuePerson("王小明", "6789")));
    assertInstanceOf(Verification.Malformed.class, f.moica.verify(Arrays.copyOf(signed, signed.length / 2)));
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
