package tw.ecpa.portal.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The certification authorities a login method accepts: the root certificates (trust anchors, such as
 * the Government Root CA) and the issuing CAs under them whose certificates may log in (the MOICA
 * generations for citizen certificates, the GCA for organization certificates). A certificate must
 * chain through one of these issuing CAs: the intermediates a signer sends along are not used, so a
 * GCA certificate cannot pass as a citizen certificate even though both chain to the same root.
 *
 * @param roots the trust anchors, at least one
 * @param issuingCas the issuing CAs, at least one
 */
public record TrustedIssuers(List<X509Certificate> roots, List<X509Certificate> issuingCas) {

  public TrustedIssuers {
    roots = List.copyOf(roots);
    issuingCas = List.copyOf(issuingCas);
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("at least one root certificate");
    }
    if (issuingCas.isEmpty()) {
      throw new IllegalArgumentException("at least one issuing CA certificate");
    }
  }

  /**
   * The CAs of a PEM (or DER) bundle, as the CAs publish them: the self-signed certificates are the
   * roots, the others the issuing CAs.
   *
   * @throws IllegalArgumentException when the file cannot be read or holds no root or no issuing CA
   */
  public static TrustedIssuers fromBundle(Path bundle) {
    try (InputStream in = Files.newInputStream(bundle)) {
      List<X509Certificate> roots = new ArrayList<>();
      List<X509Certificate> issuing = new ArrayList<>();
      for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        X509Certificate x509 = (X509Certificate) certificate;
        (x509.getSubjectX500Principal().equals(x509.getIssuerX500Principal()) ? roots : issuing).add(x509);
      }
      return new TrustedIssuers(roots, issuing);
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("cannot read the CA certificates in " + bundle + ": " + e.getMessage(), e);
    }
  }
}
