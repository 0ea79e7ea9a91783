package tw.ecpa.bot.server;

import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.auth.IdentifiedPerson;
import tw.ecpa.portal.certificate.CertificateLogin;
import tw.ecpa.portal.certificate.CertificateVerifier;
import tw.ecpa.portal.certificate.Challenges;
import tw.ecpa.portal.certificate.CrlRevocation;
import tw.ecpa.portal.certificate.OrganizationLogin;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.certificate.sim.HicosSimulator;
import tw.ecpa.portal.mobileid.MobileIdLogin;
import tw.ecpa.portal.mobileid.RelyingParty;
import tw.ecpa.portal.mobileid.sim.MobileIdSimulator;
import tw.ecpa.portal.nhi.NhiLogin;
import tw.ecpa.portal.nhi.sim.NhiSimulator;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.store.jdbc.Database;
import tw.ecpa.portal.store.jdbc.JdbcBindingTickets;
import tw.ecpa.portal.store.jdbc.JdbcCertificateBindings;
import tw.ecpa.portal.store.jdbc.JdbcMobileIdTransactions;

/**
 * The card and phone logins and the services behind them. This machine reaches no real CA, card reader,
 * revocation, NHI or mobile-ID service, so the run uses the simulators: a demo CA (trusted here, its CRL
 * checked), its software cards in a simulated HiCOS component, the NHI verification service and the
 * mobile-ID service with the demo people's phones. A production build passes the real CAs' certificates,
 * CRL source and service clients to the same logins, which only see the interfaces.
 *
 * @param ca the demo CA
 * @param hicos the simulated component with the demo cards
 * @param citizen the citizen-certificate login (自然人憑證)
 * @param organization the organization-certificate login (機關憑證)
 * @param nhi the NHI-card login (健保卡), over the NHI service simulator
 * @param phones the simulated mobile-ID service, whose phones the demo page approves on
 * @param mobile the mobile natural-person certificate login (行動自然人憑證)
 */
record CardServices(DemoCa ca, HicosSimulator hicos, CertificateLogin citizen, OrganizationLogin organization,
    NhiLogin nhi, MobileIdSimulator phones, MobileIdLogin mobile) {

  static CardServices simulated(Database database, Challenges challenges, Accounts accounts, People people,
      PasswordPolicy policy, AuditLog audit, java.time.Clock clock) {
    DemoCa ca = DemoCa.create(clock);
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
    return new CardServices(ca, HicosSimulator.withDemoCards(ca, clock), citizen, organization, nhi, phones, mobile);
  }
}
