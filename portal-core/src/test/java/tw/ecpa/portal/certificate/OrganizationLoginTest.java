package tw.ecpa.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.certificate.sim.SoftwareCard;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.people.Organization;

class OrganizationLoginTest {

  static final String IP = "192.0.2.8";
  static Database database;

  CertificateFixture f;
  OrganizationLogin login;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("organization-login"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    f = new CertificateFixture(database);
    login = new OrganizationLogin(f.gca, f.portal.people, f.portal.audit, f.clock);
    f.portal.people.save(new Organization("376480000A", "行政院人事行政總處", null));
  }

  SoftwareCard card(String code) {
    return CertificateFixture.ca().issueOrganization("行政院人事行政總處", code).card(CertificateFixture.PIN);
  }

  @Test
  void login_knownOrganizationCode_loggedInAsTheOrganization() {
    OrganizationLoginOutcome.LoggedIn in = assertInstanceOf(OrganizationLoginOutcome.LoggedIn.class,
        login.login(f.signFresh(card("376480000A")), IP));
    assertEquals("376480000A", in.organization().code());
    assertEquals("行政院人事行政總處", in.organization().name());
    AuditEvent last = f.portal.audit.recent(1).get(0);
    assertEquals(AuditKind.LOGIN_SUCCEEDED, last.kind());
    assertEquals("376480000A", last.actor());
  }

  @Test
  void login_malformedCode_theSeedsMessage() {
    for (String code : new String[] {"37648", "376480000a", "3764800000", "37648000A0", "376480000AB"}) {
      OrganizationLoginOutcome outcome = login.login(f.signFresh(card(code)), IP);
      assertInstanceOf(OrganizationLoginOutcome.MalformedCode.class, outcome, code);
      assertEquals("機關憑證查詢的機關代碼有誤。", outcome.message());
    }
  }

  @Test
  void login_codeNotAmongThePortalsOrganizations_theSeedsMessage() {
    OrganizationLoginOutcome outcome = login.login(f.signFresh(card("A99999999Z")), IP);
    assertEquals(new OrganizationLoginOutcome.UnknownOrganization("A99999999Z"), outcome);
    assertEquals("機關憑證查詢的機關代碼未在人事服務網的機關組織中。", outcome.message());
  }

  @Test
  void login_certificateWithoutCode_notAnOrganizationCertificate() {
    assertInstanceOf(OrganizationLoginOutcome.NotOrganizationCertificate.class,
        login.login(f.signFresh(card(null)), IP));
  }

  @Test
  void login_citizenCertificate_untrustedHere() {
    SoftwareCard citizen = CertificateFixture.ca().issuePerson("王小明", "6789").card(CertificateFixture.PIN);
    OrganizationLoginOutcome.Rejected rejected = assertInstanceOf(OrganizationLoginOutcome.Rejected.class,
        login.login(f.signFresh(citizen), IP));
    assertInstanceOf(Verification.UntrustedIssuer.class, rejected.failure());
  }

  @Test
  void login_replayedSignature_unknownChallenge() {
    byte[] signed = f.signFresh(card("376480000A"));
    assertInstanceOf(OrganizationLoginOutcome.LoggedIn.class, login.login(signed, IP));
    OrganizationLoginOutcome.Rejected rejected = assertInstanceOf(OrganizationLoginOutcome.Rejected.class,
        login.login(signed, IP));
    assertInstanceOf(Verification.UnknownChallenge.class, rejected.failure());
  }
}
