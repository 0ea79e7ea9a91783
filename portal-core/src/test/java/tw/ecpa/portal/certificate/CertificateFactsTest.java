package tw.ecpa.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import tw.ecpa.portal.testing.MovableClock;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.certificate.sim.DemoCa;

class CertificateFactsTest {

  @Test
  void of_citizenCertificate_readsNameLastFourSerialIssuerValidityAndFingerprint() throws Exception {
    Instant from = Instant.parse("2025-01-01T00:00:00Z");
    DemoCa.Issued issued = CertificateFixture.ca().issuePerson("王小明", "6789", from,
        from.plus(Duration.ofDays(1826)), DemoCa.KeyType.EC);
    CertificateFacts facts = CertificateFacts.of(issued.certificate());

    assertEquals("王小明", facts.holderName());
    assertEquals("6789", facts.lastFour().orElseThrow());
    assertTrue(facts.organization().isEmpty());
    assertEquals(issued.certificate().getSerialNumber().toString(16).toUpperCase(), facts.serial());
    assertEquals("C=TW,O=行政院,OU=內政部憑證管理中心", facts.issuer());
    assertTrue(facts.subject().startsWith("C=TW,CN=王小明,SERIALNUMBER="), facts.subject());
    assertEquals(from, facts.notBefore());
    assertEquals(from.plus(Duration.ofDays(1826)), facts.notAfter());
    assertEquals(64, facts.fingerprint().length());
    assertEquals(CertificateFacts.fingerprint(issued.certificate().getEncoded()), facts.fingerprint());
  }

  @Test
  void of_organizationCertificate_readsTheOrganizationCode() {
    CertificateFacts facts = CertificateFixture.ca().issueOrganization("行政院人事行政總處", "376480000A").facts();
    assertEquals("376480000A", facts.organizationCode());
    assertEquals("行政院人事行政總處", facts.holderName());
    assertNull(facts.idLastFour());
    assertEquals("C=TW,O=行政院,OU=政府憑證管理中心", facts.issuer());
  }

  @Test
  void of_certificateWithoutDirectoryAttributes_hasNeither() {
    Instant now = MovableClock.DEFAULT_START;
    CertificateFacts facts = CertificateFixture.ca().issuePerson("無末碼", null, now, now.plusSeconds(60),
        DemoCa.KeyType.EC).facts();
    assertNull(facts.idLastFour());
    assertNull(facts.organizationCode());
  }
}
