package tw.ecpa.portal.certificate;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Where the latest CRL of a certification authority comes from: its CRL distribution point in
 * production (fetched and cached), the demo CA in the default run and in tests.
 */
public interface CrlSource {

  /** The latest CRL published by this CA, if one can be had; its signature is checked by the caller. */
  Optional<X509CRL> latest(X509Certificate issuer);
}
