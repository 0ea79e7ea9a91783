package tw.ecpa.portal.certificate;

import java.util.Objects;
import tw.ecpa.portal.people.Organization;

/** What an organization-certificate login came to; each carries its zh-TW message. */
public sealed interface OrganizationLoginOutcome {

  /** The message for the user, in zh-TW. */
  String message();

  /** Logged in as the organization: what its certificate may do is the caller's business. */
  record LoggedIn(Organization organization, CertificateFacts certificate) implements OrganizationLoginOutcome {

    public LoggedIn {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public String message() {
      return "驗證成功";
    }
  }

  /** The signature or the certificate was refused. */
  record Rejected(Verification.Failure failure) implements OrganizationLoginOutcome {

    @Override
    public String message() {
      return failure.message();
    }
  }

  /** A good certificate without an organization code: not an organization certificate. */
  record NotOrganizationCertificate() implements OrganizationLoginOutcome {

    @Override
    public String message() {
      return "此憑證不是機關憑證，請插入機關憑證後重新登入。";
    }
  }

  /** The organization code in the certificate is not a well-formed code. */
  record MalformedCode() implements OrganizationLoginOutcome {

    @Override
    public String message() {
      return "機關憑證查詢的機關代碼有誤。";
    }
  }

  /** The organization code is not among the portal's organizations. */
  record UnknownOrganization(String code) implements OrganizationLoginOutcome {

    @Override
    public String message() {
      return "機關憑證查詢的機關代碼未在人事服務網的機關組織中。";
    }
  }
}
