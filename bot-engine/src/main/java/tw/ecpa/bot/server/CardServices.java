package tw.ecpa.bot.server;

import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.certificate.CertificateLogin;
import tw.ecpa.portal.certificate.CertificateVerifier;
import tw.ecpa.portal.certificate.Challenges;
import tw.ecpa.portal.certificate.CrlRevocation;
import tw.ecpa.portal.certificate.OrganizationLogin;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.certificate.sim.HicosSimulator;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.store.jdbc.Database;
import tw.ecpa.portal.store.jdbc.JdbcBindingTickets;
import tw.ecpa.portal.store.jdbc.JdbcCertificateBindings;

/**
 * The card logins and the services behind them. This machine reaches no real CA, card reader or
 * revocation service, so the run uses the simulators: a demo CA (trusted here, its CRL checked), its
 * software cards in a simulated HiCOS component. A production build passes the real CAs' certificates
 * and CRL source to the same verifier.
 *
 * @param ca the demo CA
 * @param hicos the simulated component with the demo cards
 * @param citizen the citizen-certificate login (自然人憑證)
 * @param organization the organization-certificate login (機關憑證)
 */
record CardServices(DemoCa ca, HicosSimulator hicos, CertificateLogin citizen, OrganizationLogin organization) {

  static CardServices simulated(Database database, Challenges challenges, Accounts accounts, People people,
      PasswordPolicy policy, AuditLog audit, java.time.Clock clock) {
    DemoCa ca = DemoCa.create(clock);
    CrlRevocation crl = new CrlRevocation(ca.crls());
    CertificateLogin citizen = new CertificateLogin(new CertificateVerifier(challenges, ca.moicaTrust(), crl, clock),
        new JdbcBindingTickets(database), new JdbcCertificateBindings(database), accounts, people, policy, audit,
        clock);
    OrganizationLogin organization = new OrganizationLogin(
        new CertificateVerifier(challenges, ca.gcaTrust(), crl, clock), people, audit, clock);
    return new CardServices(ca, HicosSimulator.withDemoCards(ca, clock), citizen, organization);
  }
}
