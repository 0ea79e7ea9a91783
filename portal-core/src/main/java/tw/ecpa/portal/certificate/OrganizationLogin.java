package tw.ecpa.portal.certificate;

import tw.ecpa.portal.auth.LoginResult;
import tw.ecpa.portal.auth.LoginMethod;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.People;

/**
 * Login with an organization certificate (機關憑證, GCA), method id {@value #METHOD}: the card signs a
 * challenge, the certificate is verified against the GCA, and its organization code (attribute
 * {@value CertificateFacts#ORGANIZATION_CODE_OID}) must name one of the portal's organizations. The
 * seeds' use: when an organization has no HR officer who can log in, its certificate resets an
 * employee's initial password. No account is involved; sessions are the caller's business.
 */
public final class OrganizationLogin implements LoginMethod<byte[]> {

  /** The login method's id, as sessions record it. */
  public static final String METHOD = "gca";
  /**
   * A well-formed organization code (機關代碼): ten characters, a digit or letter, eight digits and a
   * check letter, such as {@code 376480000A}.
   */
  public static final Pattern CODE = Pattern.compile("[0-9A-Z][0-9]{8}[A-Z]");

  private final CertificateVerifier verifier;
  private final People people;
  private final AuditLog audit;
  private final Clock clock;

  /** Creates the login over a verifier trusting the GCA, the people store (for organizations) and the log. */
  public OrganizationLogin(CertificateVerifier verifier, People people, AuditLog audit, Clock clock) {
    this.verifier = verifier;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
  }

  /** Tries a login with the card's signed challenge; never throws for bad input. */
  public OrganizationLoginOutcome login(byte[] signedData, String clientAddress) {
    Verification verification = verifier.verify(signedData);
    if (verification instanceof Verification.Failure failure) {
      failed(null, clientAddress, failure.reason());
      return new OrganizationLoginOutcome.Rejected(failure);
    }
    CertificateFacts certificate = ((Verification.Verified) verification).certificate();
    Optional<String> code = certificate.organization();
    if (code.isEmpty()) {
      failed(null, clientAddress, "no organization code, serial " + certificate.serial());
      return new OrganizationLoginOutcome.NotOrganizationCertificate();
    }
    if (!CODE.matcher(code.get()).matches()) {
      failed(null, clientAddress, "malformed organization code, serial " + certificate.serial());
      return new OrganizationLoginOutcome.MalformedCode();
    }
    Optional<Organization> organization = people.organization(code.get());
    if (organization.isEmpty()) {
      failed(code.get(), clientAddress, "unknown organization, serial " + certificate.serial());
      return new OrganizationLoginOutcome.UnknownOrganization(code.get());
    }
    audit.record(new AuditEvent(clock.instant(), AuditKind.LOGIN_SUCCEEDED, code.get(), null, clientAddress,
        METHOD + " serial " + certificate.serial()));
    return new OrganizationLoginOutcome.LoggedIn(organization.get(), certificate);
  }

  private void failed(String actor, String clientAddress, String detail) {
    audit.record(new AuditEvent(clock.instant(), AuditKind.LOGIN_FAILED, actor, null, clientAddress,
        METHOD + ": " + detail));
  }

  @Override
  public String id() {
    return METHOD;
  }

  /** Logs the organization in with its card's signed challenge, as every login method answers. */
  @Override
  public LoginResult attempt(byte[] signedData, String clientAddress) {
    OrganizationLoginOutcome outcome = login(signedData, clientAddress);
    if (outcome instanceof OrganizationLoginOutcome.LoggedIn in) {
      return new LoginResult.OrganizationLoggedIn(in.organization());
    }
    String code = outcome instanceof OrganizationLoginOutcome.Rejected ? "certificate-rejected"
        : outcome instanceof OrganizationLoginOutcome.NotOrganizationCertificate ? "not-organization-certificate"
        : outcome instanceof OrganizationLoginOutcome.MalformedCode ? "malformed-organization-code"
        : "unknown-organization";
    return LoginResult.Refused.failed(outcome instanceof OrganizationLoginOutcome.Rejected
        ? LoginResult.Refusal.WRONG : LoginResult.Refusal.INVALID, code, outcome.message());
  }
}
