package tw.ecpa.portal.certificate;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What the portal reads from a citizen (MOICA) or organization (GCA) certificate.
 *
 * @param holderName the subject's common name: the holder's name, or the organization's
 * @param idLastFour the last four digits of the holder's identity number (citizen certificates), or
 *     {@code null}
 * @param organizationCode the organization code (organization certificates), or {@code null}
 * @param serial the certificate's serial number, upper-case hex
 * @param issuer the issuer's distinguished name (RFC 4514)
 * @param subject the subject's distinguished name (RFC 4514)
 * @param notBefore the start of the validity period
 * @param notAfter the end of the validity period
 * @param fingerprint the SHA-256 of the DER certificate, lower-case hex: what a binding keeps
 */
public record CertificateFacts(String holderName, String idLastFour, String organizationCode, String serial,
    String issuer, String subject, Instant notBefore, Instant notAfter, String fingerprint) {

  /** The subjectDirectoryAttributes attribute holding the last four digits of the identity number. */
  public static final String ID_LAST_FOUR_OID = "2.16.886.1.100.2.51";
  /** The subjectDirectoryAttributes attribute holding an organization certificate's organization code. */
  public static final String ORGANIZATION_CODE_OID = "2.16.886.1.100.2.102";

  public CertificateFacts {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
  }

  /** Reads the facts of a certificate; attributes it does not carry are {@code null}. */
  public static CertificateFacts of(X509Certificate certificate) {
    X509CertificateHolder holder;
    byte[] der;
    try {
      der = certificate.getEncoded();
      holder = new X509CertificateHolder(der);
    } catch (CertificateEncodingException | IOException e) {
      throw new IllegalArgumentException("not a DER certificate", e);
    }
    SubjectDirectoryAttributes attributes = null;
    Extension extension = holder.getExtension(Extension.subjectDirectoryAttributes);
    if (extension != null) {
      attributes = SubjectDirectoryAttributes.getInstance(extension.getParsedValue());
    }
    return new CertificateFacts(
        commonName(holder.getSubject()),
        attribute(attributes, ID_LAST_FOUR_OID),
        attribute(attributes, ORGANIZATION_CODE_OID),
        hexSerial(certificate.getSerialNumber()),
        holder.getIssuer().toString(),
        holder.getSubject().toString(),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        fingerprint(der));
  }

  /** The last four digits of the holder's identity number, if the certificate carries them. */
  public Optional<String> lastFour() {
    return Optional.ofNullable(idLastFour);
  }

  /** The organization code, if the certificate carries one. */
  public Optional<String> organization() {
    return Optional.ofNullable(organizationCode);
  }

  /** The SHA-256 of DER bytes, lower-case hex. */
  public static String fingerprint(byte[] der) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A serial number as upper-case hex. */
  public static String hexSerial(BigInteger serial) {
    return serial.toString(16).toUpperCase(Locale.ROOT);
  }

  private static String commonName(X500Name name) {
    RDN[] cns = name.getRDNs(BCStyle.CN);
    return cns.length == 0 ? null : IETFUtils.valueToString(cns[0].getFirst().getValue());
  }

  private static String attribute(SubjectDirectoryAttributes attributes, String oid) {
    if (attributes == null) {
      return null;
    }
    ASN1ObjectIdentifier wanted = new ASN1ObjectIdentifier(oid);
    for (Object item : attributes.getAttributes()) {
      Attribute attribute = Attribute.getInstance(item);
      if (wanted.equals(attribute.getAttrType()) && attribute.getAttrValues().size() > 0) {
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        return value instanceof ASN1String text ? text.getString().strip() : null;
      }
    }
    return null;
  }
}
