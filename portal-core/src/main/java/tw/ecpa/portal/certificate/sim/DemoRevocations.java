package tw.ecpa.portal.certificate.sim;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The demo CA's revocations and how it tells of them: which certificates of its issuing CAs are revoked
 * as of when, the signed CRL of each issuing CA, and the OCSP answers, signed with the issuing CA's own
 * key. CRLs and OCSP answers stay current for {@link DemoCa#CRL_PERIOD}.
 */
final class DemoRevocations {

  private record Revocation(X509Certificate issuer, Instant at) {}

  private final Clock clock;
  private final List<DemoAuthority> issuing;
  private final Map<BigInteger, Revocation> revoked = new LinkedHashMap<>();

  /** Keeps the revocations of certificates issued by these issuing CAs, dated by this clock. */
  DemoRevocations(Clock clock, List<DemoAuthority> issuing) {
    this.clock = clock;
    this.issuing = List.copyOf(issuing);
  }

  /** Whether the certificate is one of the issuing CAs'. */
  boolean isIssuingCa(X509Certificate certificate) {
    return authority(certificate).isPresent();
  }

  /** Revokes a certificate one of the issuing CAs issued, as of a moment. */
  synchronized void revoke(X509Certificate certificate, Instant at) {
    X509Certificate issuer = issuerOf(certificate)
        .orElseThrow(() -> new IllegalArgumentException("not issued by this CA"));
    revoked.put(certificate.getSerialNumber(), new Revocation(issuer, at));
  }

  /** The issuing CA's CRL as published now, listing every certificate revoked by now. */
  synchronized X509CRL crl(X509Certificate issuingCa) {
    DemoAuthority authority = authority(issuingCa)
        .orElseThrow(() -> new IllegalArgumentException("not a CA of this"));
    Instant now = clock.instant();
    JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(authority.certificate(), Date.from(now));
    builder.setNextUpdate(Date.from(now.plus(DemoCa.CRL_PERIOD)));
    revoked.forEach((serial, revocation) -> {
      if (revocation.issuer().equals(authority.certificate()) && !revocation.at().isAfter(now)) {
        builder.addCRLEntry(serial, Date.from(revocation.at()), CRLReason.keyCompromise);
      }
    });
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          utils.createAuthorityKeyIdentifier(authority.certificate()));
      return new JcaX509CRLConverter().getCRL(builder.build(DemoCertificates.signer(authority.keys().getPrivate())));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("the demo CA could not sign its CRL", e);
    }
  }

  /** The OCSP response to an encoded OCSP request: malformed, unauthorized, or each certificate's status. */
  synchronized byte[] answer(byte[] request) throws IOException {
    try {
      DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
      Req[] requests = new OCSPReq(request).getRequestList();
      if (requests.length == 0) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
      }
      DemoAuthority by = null;
      for (DemoAuthority a : issuing) {
        if (requests[0].getCertID().matchesIssuer(new JcaX509CertificateHolder(a.certificate()), digests)) {
          by = a;
        }
      }
      if (by == null) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null).getEncoded();
      }
      Instant now = clock.instant();
      JcaBasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(by.keys().getPublic(),
          digests.get(CertificateID.HASH_SHA1));
      for (Req r : requests) {
        Revocation revocation = revoked.get(r.getCertID().getSerialNumber());
        CertificateStatus status = revocation != null && !revocation.at().isAfter(now)
            && revocation.issuer().equals(by.certificate())
            ? new RevokedStatus(Date.from(revocation.at()), CRLReason.keyCompromise)
            : CertificateStatus.GOOD;
        builder.addResponse(r.getCertID(), status, Date.from(now), Date.from(now.plus(DemoCa.CRL_PERIOD)));
      }
      BasicOCSPResp basic = builder.build(DemoCertificates.signer(by.keys().getPrivate()),
          new X509CertificateHolder[] {new JcaX509CertificateHolder(by.certificate())}, Date.from(now));
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    } catch (OCSPException | OperatorCreationException | GeneralSecurityException e) {
      throw new IOException("the demo OCSP responder failed", e);
    }
  }

  private Optional<DemoAuthority> authority(X509Certificate certificate) {
    return issuing.stream().filter(a -> a.certificate().equals(certificate)).findFirst();
  }

  private Optional<X509Certificate> issuerOf(X509Certificate certificate) {
    for (DemoAuthority a : issuing) {
      try {
        certificate.verify(a.keys().getPublic());
        return Optional.of(a.certificate());
      } catch (GeneralSecurityException e) {
        // not this one
      }
    }
    return Optional.empty();
  }
}
