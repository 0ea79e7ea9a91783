package tw.ecpa.portal.certificate;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Revocation by OCSP: asks the responder through an {@link OcspClient} and accepts only an answer
 * signed with the issuing CA's own key, about this very certificate, and current at the moment asked
 * about. (A delegated responder certificate is not accepted: the demo CA answers with its own key.)
 */
public final class OcspRevocation implements RevocationSource {

  private final OcspClient client;

  /** Creates the check over a transport to the responder. */
  public OcspRevocation(OcspClient client) {
    this.client = client;
  }

  @Override
  public RevocationStatus status(X509Certificate certificate, X509Certificate issuer, Instant at) {
    try {
      X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
      CertificateID id = new CertificateID(
          new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
          issuerHolder, certificate.getSerialNumber());
      byte[] answer = client.send(new OCSPReqBuilder().addRequest(id).build().getEncoded());
      OCSPResp response = new OCSPResp(answer);
      if (response.getStatus() != OCSPResp.SUCCESSFUL
          || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
        return new RevocationStatus.Unknown("OCSP status " + response.getStatus());
      }
      if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
        return new RevocationStatus.Unknown("OCSP signature does not verify");
      }
      for (SingleResp single : basic.getResponses()) {
        if (!single.getCertID().equals(id)) {
          continue;
        }
        if (single.getThisUpdate().toInstant().isAfter(at.plus(CLOCK_SKEW))
            || (single.getNextUpdate() != null && at.isAfter(single.getNextUpdate().toInstant()))) {
          return new RevocationStatus.Unknown("OCSP answer not current");
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
          return new RevocationStatus.Good();
        }
        if (status instanceof RevokedStatus revoked) {
          return new RevocationStatus.Revoked(revoked.getRevocationTime().toInstant());
        }
        return new RevocationStatus.Unknown("OCSP status unknown");
      }
      return new RevocationStatus.Unknown("OCSP answer about another certificate");
    } catch (IOException e) {
      return new RevocationStatus.Unknown("OCSP responder unreachable");
    } catch (OCSPException | OperatorCreationException | CertificateEncodingException | RuntimeException e) {
      return new RevocationStatus.Unknown("OCSP answer unreadable: " + e.getClass().getSimpleName());
    }
  }
}
