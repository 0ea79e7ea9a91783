package tw.ecpa.portal.certificate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * What checking a signed login challenge came to: the certificate's facts, or why it was refused.
 * Every refusal carries the zh-TW message the user sees.
 */
public sealed interface Verification {

  /**
   * Signature, challenge, validity, chain and revocation are all good.
   *
   * @param certificate what the portal reads from the signer's certificate
   * @param x509 the signer's certificate itself
   */
  record Verified(CertificateFacts certificate, X509Certificate x509) implements Verification {

    public Verified {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(x509, "x509");
    }
  }

  /** A refusal: the certificate or the signature may not log anyone in. */
  sealed interface Failure extends Verification {

    /** The message for the user, in zh-TW. */
    String message();

    /** A short English reason for the audit log. */
    String reason();
  }

  /** The signature does not verify with the certificate carried in the signed data. */
  record BadSignature() implements Failure {
    @Override
    public String message() {
      return "簽章驗證失敗，請重新登入。";
    }

    @Override
    public String reason() {
      return "bad signature";
    }
  }

  /**
   * The signed content is not a live challenge of this server: never issued, tampered with, expired
   * or already used.
   */
  record UnknownChallenge() implements Failure {
    @Override
    public String message() {
      return "登入驗證已逾時或已使用，請重新登入。";
    }

    @Override
    public String reason() {
      return "unknown, expired or used challenge";
    }
  }

  /** The certificate's validity period ended before now. */
  record Expired(Instant notAfter) implements Failure {
    @Override
    public String message() {
      return "憑證已過期，請確認所持憑證之有效性。";
    }

    @Override
    public String reason() {
      return "certificate expired";
    }
  }

  /** The certificate's validity period has not started. */
  record NotYetValid(Instant notBefore) implements Failure {
    @Override
    public String message() {
      return "憑證尚未生效，請確認所持憑證之有效性。";
    }

    @Override
    public String reason() {
      return "certificate not yet valid";
    }
  }

  /** The issuer revoked the certificate (廢止). */
  record Revoked(Instant revokedAt) implements Failure {
    @Override
    public String message() {
      return "憑證已被廢止，請確認所持憑證之有效性。";
    }

    @Override
    public String reason() {
      return "certificate revoked";
    }
  }

  /** The certificate does not chain to a trusted certification authority of this login method. */
  record UntrustedIssuer() implements Failure {
    @Override
    public String message() {
      return "非信任的憑證發行單位，請確認所持憑證之有效性。";
    }

    @Override
    public String reason() {
      return "untrusted issuer";
    }
  }

  /**
   * Whether the certificate is revoked cannot be told now (no fresh CRL, the OCSP service does not
   * answer): refused rather than let through.
   */
  record RevocationUnavailable(String why) implements Failure {
    @Override
    public String message() {
      return "憑證驗證服務無法使用，請稍後再試。";
    }

    @Override
    public String reason() {
      return "revocation status unavailable: " + why;
    }
  }

  /** Not signed data this portal accepts: unreadable, detached, no certificate, not SHA-256. */
  record Malformed(String why) implements Failure {
    @Override
    public String message() {
      return "憑證讀取失敗，請重新插入卡片後再登入。";
    }

    @Override
    public String reason() {
      return "malformed: " + why;
    }
  }
}
