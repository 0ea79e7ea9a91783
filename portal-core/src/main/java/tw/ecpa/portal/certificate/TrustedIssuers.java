package tw.ecpa.portal.certificate;

import java.security.cert.X509Certificate;
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
}
