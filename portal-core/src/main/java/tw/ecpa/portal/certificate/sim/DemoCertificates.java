package tw.ecpa.portal.certificate.sim;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds and signs the demo CA's certificates with BouncyCastle: CA certificates for the root and the
 * issuing CAs, and end-entity certificates carrying one subjectDirectoryAttributes value, as MOICA's and
 * the GCA's do. Serials are positive random 64-bit numbers, as CAs use.
 */
final class DemoCertificates {

  private static final SecureRandom RANDOM = new SecureRandom();

  private DemoCertificates() {}

  /** A CA certificate; {@code issuer} is {@code null} for the self-signed root. */
  static X509Certificate caCertificate(X500Name name, PublicKey key, DemoAuthority issuer, PrivateKey signingKey,
      Instant from, Instant to) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer == null ? name : issuer.name(),
          serial(), Date.from(from), Date.from(to), name, key)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(issuer == null ? 1 : 0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
      if (issuer != null) {
        builder.addExtension(Extension.authorityKeyIdentifier, false,
            utils.createAuthorityKeyIdentifier(issuer.certificate()));
      }
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signingKey)));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("the demo CA could not issue a CA certificate", e);
    }
  }

  /**
   * An end-entity certificate for a signing key, issued by {@code by}; with {@code attributeValue} in
   * subjectDirectoryAttributes under {@code attributeOid} unless it is {@code null}.
   */
  static X509Certificate endEntity(DemoAuthority by, X500Name subject, PublicKey key, String attributeOid,
      String attributeValue, Instant notBefore, Instant notAfter) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(by.name(), serial(),
          Date.from(notBefore), Date.from(notAfter), subject, key)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
          .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
          .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(by.certificate()));
      if (attributeValue != null) {
        Vector<Attribute> attributes = new Vector<>(List.of(new Attribute(new ASN1ObjectIdentifier(attributeOid),
            new DERSet(new DERPrintableString(attributeValue)))));
        builder.addExtension(Extension.subjectDirectoryAttributes, false, new SubjectDirectoryAttributes(attributes));
      }
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer(by.keys().getPrivate())));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("the demo CA could not issue a certificate", e);
    }
  }

  /** A signer for the key: SHA-256 with ECDSA or RSA. */
  static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
    return new JcaContentSignerBuilder("EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA")
        .build(key);
  }

  /** A positive random serial of 64 bits, as CAs use. */
  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).setBit(62);
  }

  /** A 16-digit card number for the subject's serialNumber, as on the cards. */
  static String cardNumber() {
    StringBuilder number = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      number.append(RANDOM.nextInt(10));
    }
    return number.toString();
  }
}
