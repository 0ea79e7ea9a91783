package tw.ecpa.portal.certificate;

import java.util.List;
import java.util.Optional;

/** Where the certificates bound to accounts are kept: one binding per certificate. */
public interface CertificateBindings {

  /**
   * Keeps a binding; false, and nothing changed, when the certificate is bound already (to this or
   * another account). Of several callers binding the same certificate at once, one wins.
   */
  boolean bind(CertificateBinding binding);

  /** The binding of the certificate with this fingerprint, if any. */
  Optional<CertificateBinding> byFingerprint(String fingerprint);

  /** The certificates bound to an account, most recently bound first. */
  List<CertificateBinding> ofAccount(long accountId);
}
