package tw.ecpa.portal.certificate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks a card's answer to a login challenge: CMS/PKCS#7 SignedData (DER) with the challenge
 * encapsulated, signed with SHA-256 (RSA or ECDSA) and carrying the signer's certificate, as the HiCOS
 * component returns it.
 *
 * <p>In order: the signed data is well-formed; the signature verifies with the certificate inside; the
 * signed content is a live challenge of this server, which is then used up (so a replay fails); the
 * certificate is within its validity period; it chains through a trusted issuing CA to a trusted root;
 * it is not revoked. The JDK's own providers do the cryptography; BouncyCastle reads the CMS.
 */
public final class CertificateVerifier {

  /** Larger answers are refused unread: a signed challenge with a certificate is a few kilobytes. */
  public static final int MAX_SIZE = 64 * 1024;

  private final Challenges challenges;
  private final TrustedIssuers trusted;
  private final RevocationSource revocation;
  private final Clock clock;
  private final Set<TrustAnchor> anchors;

  /** Creates the verifier of one login method over its trusted CAs and a revocation source. */
  public CertificateVerifier(Challenges challenges, TrustedIssuers trusted, RevocationSource revocation,
      Clock clock) {
    this.challenges = challenges;
    this.trusted = trusted;
    this.revocation = revocation;
    this.clock = clock;
    this.anchors = trusted.roots().stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet());
  }

  /** Checks signed data; never throws for bad input. */
  public Verification verify(byte[] signedData) {
    if (signedData == null || signedData.length == 0 || signedData.length > MAX_SIZE) {
      return new Verification.Malformed("empty or too large");
    }
    CMSSignedData cms;
    try {
      cms = new CMSSignedData(signedData);
    } catch (CMSException | RuntimeException e) {
      return new Verification.Malformed("not CMS signed data");
    }
    CMSProcessable content = cms.getSignedContent();
    if (content == null || !(content.getContent() instanceof byte[] signedBytes)) {
      return new Verification.Malformed("no encapsulated content");
    }
    Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      return new Verification.Malformed(signers.size() + " signers");
    }
    SignerInformation signer = signers.iterator().next();
    if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())) {
      return new Verification.Malformed("digest is not SHA-256");
    }
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
    if (matches.size() != 1) {
      return new Verification.Malformed("no signer certificate");
    }
    X509CertificateHolder holder = matches.iterator().next();
    X509Certificate certificate;
    try {
      certificate = new JcaX509CertificateConverter().getCertificate(holder);
    } catch (GeneralSecurityException | RuntimeException e) {
      return new Verification.Malformed("unreadable certificate");
    }

    try {
      // By the public key: built from the certificate, BouncyCastle would also hold the signing time
      // claimed by the card against the validity period; validity is checked below, at the server's time.
      if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()))) {
        return new Verification.BadSignature();
      }
    } catch (CMSException | OperatorCreationException | RuntimeException e) {
      // A content digest that does not match, or a key that does not fit the algorithm.
      return new Verification.BadSignature();
    }

    if (!challenges.take(new String(signedBytes, StandardCharsets.US_ASCII))) {
      return new Verification.UnknownChallenge();
    }

    Instant now = clock.instant();
    if (now.isBefore(certificate.getNotBefore().toInstant())) {
      return new Verification.NotYetValid(certificate.getNotBefore().toInstant());
    }
    if (now.isAfter(certificate.getNotAfter().toInstant())) {
      return new Verification.Expired(certificate.getNotAfter().toInstant());
    }

    List<? extends java.security.cert.Certificate> path = chain(certificate, now);
    if (path == null || path.size() < 2) {
      return new Verification.UntrustedIssuer();
    }
    X509Certificate issuer = (X509Certificate) path.get(1);
    RevocationStatus status = revocation.status(certificate, issuer, now);
    if (status instanceof RevocationStatus.Revoked revoked) {
      return new Verification.Revoked(revoked.at());
    }
    if (status instanceof RevocationStatus.Unknown unknown) {
      return new Verification.RevocationUnavailable(unknown.why());
    }
    return new Verification.Verified(CertificateFacts.of(certificate), certificate);
  }

  /**
   * The path from the certificate up to (not including) a trusted root, through the trusted issuing
   * CAs only, checked at this moment; {@code null} when there is none. Several CA generations may
   * share one name: the builder tells them apart by key identifiers and signatures.
   */
  private List<? extends java.security.cert.Certificate> chain(X509Certificate certificate, Instant now) {
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(certificate);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(now));
      List<X509Certificate> known = new ArrayList<>(trusted.issuingCas());
      known.add(certificate);
      parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(known)));
      PKIXCertPathBuilderResult result =
          (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
      CertPath path = result.getCertPath();
      return path.getCertificates();
    } catch (CertPathBuilderException e) {
      return null;
    } catch (InvalidAlgorithmParameterException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK's PKIX builder is not available", e);
    }
  }
}
