package tw.ecpa.assistant;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.auth.IdentifiedPerson;
import tw.ecpa.portal.certificate.CertificateLogin;
import tw.ecpa.portal.certificate.CertificateVerifier;
import tw.ecpa.portal.certificate.Challenges;
import tw.ecpa.portal.certificate.CrlRevocation;
import tw.ecpa.portal.certificate.HttpCrlSource;
import tw.ecpa.portal.certificate.OrganizationLogin;
import tw.ecpa.portal.certificate.TrustedIssuers;
import tw.ecpa.portal.certificate.jdbc.JdbcBindingTickets;
import tw.ecpa.portal.certificate.jdbc.JdbcCertificateBindings;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.certificate.sim.DemoKeys;
import tw.ecpa.portal.certificate.sim.HicosSimulator;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.mobileid.MobileIdLogin;
import tw.ecpa.portal.mobileid.RelyingParty;
import tw.ecpa.portal.mobileid.jdbc.JdbcMobileIdTransactions;
import tw.ecpa.portal.mobileid.sim.MobileIdSimulator;
import tw.ecpa.portal.nhi.NhiLogin;
import tw.ecpa.portal.nhi.sim.NhiSimulator;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.people.People;

/**
 * The card and phone logins and the services behind them, chosen by {@link Settings.Cards}. This machine
 * reaches no real CA, card reader,
 * revocation, NHI or mobile-ID service, so the run uses the simulators: a demo CA (trusted here, its CRL
 * checked), its software cards in a simulated HiCOS component, the NHI verification service and the
 * mobile-ID service with the demo people's phones. A production build passes the real CAs' certificates,
 * CRL source and service clients to the same logins, which only see the interfaces.
 *
 * @param citizen the citizen-certificate login (自然人憑證), when offered
 * @param organization the organization-certificate login (機關憑證), when offered
 * @param nhi the NHI-card login (健保卡), when offered
 * @param mobile the mobile natural-person certificate login (行動自然人憑證), when offered
 * @param hicos the simulated HiCOS component with the demo cards (simulators only)
 * @param phones the simulated mobile-ID service, whose phones the demo page approves on (simulators only)
 */
record CardServices(Optional<CertificateLogin> citizen, Optional<OrganizationLogin> organization,
    Optional<NhiLogin> nhi, Optional<MobileIdLogin> mobile, Optional<HicosSimulator> hicos,
    Optional<MobileIdSimulator> phones) {

  /** The services as the settings choose them. */
  static CardServices of(Settings.Cards settings, Database database, Challenges challenges, Accounts accounts,
      People people, PasswordPolicy policy, AuditLog audit, Clock clock) {
    return settings.simulated() ? simulated(database, challenges, accounts, people, policy, audit, clock)
        : production(settings, database, challenges, accounts, people, policy, audit, clock);
  }

  /** The default run: a demo CA, its cards in the simulated HiCOS component, the NHI and mobile-ID simulators. */
  static CardServices simulated(Database database, Challenges challenges, Accounts accounts, People people,
      PasswordPolicy policy, AuditLog audit, Clock clock) {
    // Every demo server of a process issues over the same demo keys: RSA keys take seconds to make.
    DemoCa ca = DemoCa.create(clock, DemoKeys.reused("demo-ca"));
    CrlRevocation crl = new CrlRevocation(ca.crls());
    CertificateVerifier moica = new CertificateVerifier(challenges, ca.moicaTrust(), crl, clock);
    CertificateLogin citizen = new CertificateLogin(moica, new JdbcBindingTickets(database),
        new JdbcCertificateBindings(database), accounts, people, policy, audit, clock);
    OrganizationLogin organization = new OrganizationLogin(
        new CertificateVerifier(challenges, ca.gcaTrust(), crl, clock), people, audit, clock);
    IdentifiedPerson identified = new IdentifiedPerson(people, accounts);
    NhiLogin nhi = new NhiLogin(NhiSimulator.demo(clock), identified, policy, audit, clock);
    RelyingParty relyingParty = RelyingParty.random("ecpa-demo");
    MobileIdSimulator phones = MobileIdSimulator.demo(clock, ca, relyingParty);
    MobileIdLogin mobile = new MobileIdLogin(phones, relyingParty, challenges, moica,
        new JdbcMobileIdTransactions(database), identified, policy, audit, clock);
    return new CardServices(Optional.of(citizen), Optional.of(organization), Optional.of(nhi), Optional.of(mobile),
        Optional.of(HicosSimulator.withDemoCards(ca, clock)), Optional.of(phones));
  }

  /**
   * Production: the certificate logins over the CAs' published certificates and CRLs; the NHI card and
   * the mobile ID are not offered (their services' clients are not part of this build).
   */
  static CardServices production(Settings.Cards settings, Database database, Challenges challenges,
      Accounts accounts, People people, PasswordPolicy policy, AuditLog audit, Clock clock) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Optional<CertificateLogin> citizen = settings.moicaCas().map(bundle -> {
      TrustedIssuers trusted = TrustedIssuers.fromBundle(bundle);
      return new CertificateLogin(new CertificateVerifier(challenges, trusted, revocation(trusted,
          settings.moicaCrl().orElseThrow(), http, clock), clock), new JdbcBindingTickets(database),
          new JdbcCertificateBindings(database), accounts, people, policy, audit, clock);
    });
    Optional<OrganizationLogin> organization = settings.gcaCas().map(bundle -> {
      TrustedIssuers trusted = TrustedIssuers.fromBundle(bundle);
      return new OrganizationLogin(new CertificateVerifier(challenges, trusted, revocation(trusted,
          settings.gcaCrl().orElseThrow(), http, clock), clock), people, audit, clock);
    });
    return new CardServices(citizen, organization, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** Revocation by the CRL each issuing CA publishes at the one address (the CAs publish one CRL per CA). */
  private static CrlRevocation revocation(TrustedIssuers trusted, URI address, HttpClient http, Clock clock) {
    Map<X500Principal, URI> addresses = new java.util.HashMap<>();
    trusted.issuingCas().forEach(ca -> addresses.put(ca.getSubjectX500Principal(), address));
    return new CrlRevocation(new HttpCrlSource(addresses, http, clock, Duration.ofHours(1)));
  }
}
