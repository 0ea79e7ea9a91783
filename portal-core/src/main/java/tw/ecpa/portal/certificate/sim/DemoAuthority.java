package tw.ecpa.portal.certificate.sim;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * One authority of the demo CA (the root or an issuing CA), with its keys in memory.
 *
 * @param name its distinguished name
 * @param keys its key pair, whose private key signs what it issues
 * @param certificate its own certificate
 */
record DemoAuthority(X500Name name, KeyPair keys, X509Certificate certificate) {}
