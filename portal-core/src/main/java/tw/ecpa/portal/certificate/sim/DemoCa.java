package tw.ecpa.portal.certificate.sim;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Vector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import tw.ecpa.portal.certificate.CertificateFacts;
import tw.ecpa.portal.certificate.CrlSource;
import tw.ecpa.portal.certificate.OcspClient;
import tw.ecpa.portal.certificate.TrustedIssuers;

/**
 * A demo certification authority built with BouncyCastle, shaped like Taiwan's: a root like the
 * Government Root CA, and under it an issuing CA named like MOICA ({@code C=TW, O=行政院,
 * OU=內政部憑證管理中心}) for citizen certificates and one named like the GCA ({@code C=TW, O=行政院,
 * OU=政府憑證管理中心}) for organization certificates. It issues MOICA-shaped and GCA-shaped
 * certificates, revokes them, publishes signed CRLs and answers OCSP requests. Keys live in memory
 * only: a fresh CA each time, for the default run's demo page and for tests. Two CAs created apart
 * carry the same names with different keys, as CA generations do.
 */
public final class DemoCa {

  /** The root's name. */
  public static final String ROOT_NAME = "C=TW, O=Government Root Certification Authority";
  /** The citizen-certificate issuing CA's name, as MOICA's. */
  public static final String MOICA_NAME = "C=TW, O=行政院, OU=內政部憑證管理中心";
  /** The organization-certificate issuing CA's name, as the GCA's. */
  public static final String GCA_NAME = "C=TW, O=行政院, OU=政府憑證管理中心";
  /** How long a citizen or organization certificate is valid. */
  public static final Duration VALIDITY = Duration.ofDays(5 * 365 + 1);
  /** How long a published CRL or OCSP answer stays current. */
  public static final Duration CRL_PERIOD = Duration.ofDays(1);

  /** The key a certificate is issued for. */
  public enum KeyType {
    /** RSA 2048, as on the MOICA cards. */
    RSA,
    /** ECDSA on P-256. */
    EC
  }

  /**
   * A certificate just issued, with its private key.
   *
   * @param certificate the certificate
   * @param privateKey its private key
   */
  public record Issued(X509Certificate certificate, PrivateKey privateKey) {

    /** A software card holding this key and certificate, opened with this PIN. */
    public SoftwareCard card(String pin) {
      return new SoftwareCard(privateKey, certificate, pin);
    }

    /** The facts the portal reads from the certificate. */
    public CertificateFacts facts() {
      return CertificateFacts.of(certificate);
    }
  }

  private record Authority(X500Name name, KeyPair keys, X509Certificate certificate) {}

  private record Revocation(X509Certificate issuer, Instant at) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final DemoKeys keySource;
  private final Authority root;
  private final Authority moica;
  private final Authority gca;
  private final Map<BigInteger, Revocation> revoked = new LinkedHashMap<>();
  private volatile boolean offline;

  private DemoCa(Clock clock, DemoKeys keySource) {
    this.clock = clock;
    this.keySource = keySource;
    Instant now = clock.instant();
    KeyPair rootKeys = keys(KeyType.RSA);
    X500Name rootName = new X500Name(BCStyle.INSTANCE, ROOT_NAME);
    this.root = new Authority(rootName, rootKeys, caCertificate(rootName, rootKeys.getPublic(), null,
        rootKeys.getPrivate(), now.minus(Duration.ofDays(3650)), now.plus(Duration.ofDays(7300))));
    this.moica = subordinate(MOICA_NAME, now);
    this.gca = subordinate(GCA_NAME, now);
  }

  /** A fresh CA with new keys; certificates and CRLs are dated by this clock. */
  public static DemoCa create(Clock clock) {
    return new DemoCa(clock, DemoKeys.fresh());
  }

  /** A fresh CA whose keys, and the keys of the certificates it issues, come from {@code keys}. */
  public static DemoCa create(Clock clock, DemoKeys keys) {
    return new DemoCa(clock, keys);
  }

  /** The root certificate: the trust anchor. */
  public X509Certificate root() {
    return root.certificate();
  }

  /** The citizen-certificate issuing CA's certificate. */
  public X509Certificate moicaCa() {
    return moica.certificate();
  }

  /** The organization-certificate issuing CA's certificate. */
  public X509Certificate gcaCa() {
    return gca.certificate();
  }

  /** What a citizen-certificate login trusts: this root and this MOICA-like CA. */
  public TrustedIssuers moicaTrust() {
    return new TrustedIssuers(List.of(root()), List.of(moicaCa()));
  }

  /** What an organization-certificate login trusts: this root and this GCA-like CA. */
  public TrustedIssuers gcaTrust() {
    return new TrustedIssuers(List.of(root()), List.of(gcaCa()));
  }

  /** A citizen certificate (RSA) valid from a day ago for five years. */
  public Issued issuePerson(String holderName, String idLastFour) {
    Instant from = clock.instant().minus(Duration.ofDays(1));
    return issuePerson(holderName, idLastFour, from, from.plus(VALIDITY), KeyType.RSA);
  }

  /**
   * A MOICA-shaped citizen certificate: the holder's name as CN, a card number as the subject's
   * serialNumber, and the last four digits of the identity number in subjectDirectoryAttributes.
   *
   * @param idLastFour the last four digits, or {@code null} for a certificate without them
   */
  public Issued issuePerson(String holderName, String idLastFour, Instant notBefore, Instant notAfter,
      KeyType keyType) {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "TW")
        .addRDN(BCStyle.CN, holderName)
        .addRDN(BCStyle.SERIALNUMBER, cardNumber())
        .build();
    return issue(moica, subject, CertificateFacts.ID_LAST_FOUR_OID, idLastFour, notBefore, notAfter, keyType);
  }

  /** An organization certificate (RSA) valid from a day ago for five years. */
  public Issued issueOrganization(String organizationName, String organizationCode) {
    Instant from = clock.instant().minus(Duration.ofDays(1));
    return issueOrganization(organizationName, organizationCode, from, from.plus(VALIDITY), KeyType.RSA);
  }

  /**
   * A GCA-shaped organization certificate: the organization's name as CN and the organization code in
   * subjectDirectoryAttributes.
   *
   * @param organizationCode the code as written into the certificate, well-formed or not; {@code null}
   *     for none
   */
  public Issued issueOrganization(String organizationName, String organizationCode, Instant notBefore,
      Instant notAfter, KeyType keyType) {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "TW")
        .addRDN(BCStyle.O, organizationName)
        .addRDN(BCStyle.CN, organizationName)
        .build();
    return issue(gca, subject, CertificateFacts.ORGANIZATION_CODE_OID, organizationCode, notBefore, notAfter,
        keyType);
  }

  /** Revokes a certificate this CA issued, as of a moment; it appears on CRLs and OCSP answers from then. */
  public synchronized void revoke(X509Certificate certificate, Instant at) {
    X509Certificate issuer = issuerOf(certificate)
        .orElseThrow(() -> new IllegalArgumentException("not issued by this CA"));
    revoked.put(certificate.getSerialNumber(), new Revocation(issuer, at));
  }

  /**
   * Takes the CA's CRL publication and OCSP responder off the network (or back on): a revocation check
   * then cannot be answered.
   */
  public void offline(boolean off) {
    this.offline = off;
  }

  /**
   * The issuing CA's CRL as published now: signed by its key, current for {@link #CRL_PERIOD}, listing
   * every certificate revoked by now.
   */
  public synchronized X509CRL crl(X509Certificate issuingCa) {
    Authority authority = authority(issuingCa).orElseThrow(() -> new IllegalArgumentException("not a CA of this"));
    Instant now = clock.instant();
    JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(authority.certificate(), Date.from(now));
    builder.setNextUpdate(Date.from(now.plus(CRL_PERIOD)));
    revoked.forEach((serial, revocation) -> {
      if (revocation.issuer().equals(authority.certificate()) && !revocation.at().isAfter(now)) {
        builder.addCRLEntry(serial, Date.from(revocation.at()), CRLReason.keyCompromise);
      }
    });
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          utils.createAuthorityKeyIdentifier(authority.certificate()));
      return new JcaX509CRLConverter().getCRL(builder.build(signer(authority.keys().getPrivate())));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("the demo CA could not sign its CRL", e);
    }
  }

  /** The CA's CRL publication: the latest CRL of its issuing CAs, none while offline. */
  public CrlSource crls() {
    return issuer -> offline || authority(issuer).isEmpty() ? Optional.empty() : Optional.of(crl(issuer));
  }

  /** The CA's OCSP responder, answering with the issuing CA's own key; unreachable while offline. */
  public OcspClient ocsp() {
    return request -> {
      if (offline) {
        throw new IOException("the demo OCSP responder is offline");
      }
      return answer(request);
    };
  }

  private synchronized byte[] answer(byte[] request) throws IOException {
    try {
      DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
      Req[] requests = new OCSPReq(request).getRequestList();
      if (requests.length == 0) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
      }
      Authority by = null;
      for (Authority a : List.of(moica, gca)) {
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
        builder.addResponse(r.getCertID(), status, Date.from(now), Date.from(now.plus(CRL_PERIOD)));
      }
      BasicOCSPResp basic = builder.build(signer(by.keys().getPrivate()),
          new X509CertificateHolder[] {new JcaX509CertificateHolder(by.certificate())}, Date.from(now));
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    } catch (OCSPException | OperatorCreationException | GeneralSecurityException e) {
      throw new IOException("the demo OCSP responder failed", e);
    }
  }

  private Optional<Authority> authority(X509Certificate certificate) {
    return List.of(moica, gca).stream().filter(a -> a.certificate().equals(certificate)).findFirst();
  }

  private Optional<X509Certificate> issuerOf(X509Certificate certificate) {
    for (Authority a : List.of(moica, gca)) {
      try {
        certificate.verify(a.keys().getPublic());
        return Optional.of(a.certificate());
      } catch (GeneralSecurityException e) {
        // not this one
      }
    }
    return Optional.empty();
  }

  private Authority subordinate(String name, Instant now) {
    KeyPair keys = keys(KeyType.RSA);
    X500Name x500 = new X500Name(BCStyle.INSTANCE, name);
    return new Authority(x500, keys, caCertificate(x500, keys.getPublic(), root, root.keys().getPrivate(),
        now.minus(Duration.ofDays(1825)), now.plus(Duration.ofDays(5475))));
  }

  /** A CA certificate; {@code issuer} is {@code null} for the self-signed root. */
  private X509Certificate caCertificate(X500Name name, PublicKey key, Authority issuer, PrivateKey signingKey,
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

  private Issued issue(Authority by, X500Name subject, String attributeOid, String attributeValue,
      Instant notBefore, Instant notAfter, KeyType keyType) {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    KeyPair keys = keys(keyType);
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(by.name(), serial(),
          Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
          .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()))
          .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(by.certificate()));
      if (attributeValue != null) {
        Vector<Attribute> attributes = new Vector<>(List.of(new Attribute(new ASN1ObjectIdentifier(attributeOid),
            new DERSet(new DERPrintableString(attributeValue)))));
        builder.addExtension(Extension.subjectDirectoryAttributes, false, new SubjectDirectoryAttributes(attributes));
      }
      X509Certificate certificate =
          new JcaX509CertificateConverter().getCertificate(builder.build(signer(by.keys().getPrivate())));
      return new Issued(certificate, keys.getPrivate());
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("the demo CA could not issue a certificate", e);
    }
  }

  private KeyPair keys(KeyType type) {
    return keySource.next(type);
  }


  private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
    return new JcaContentSignerBuilder("EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA")
        .build(key);
  }

  /** A positive random serial of 64 bits, as CAs use. */
  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).setBit(62);
  }

  /** A 16-digit card number for the subject's serialNumber, as on the cards. */
  private static String cardNumber() {
    StringBuilder number = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      number.append(RANDOM.nextInt(10));
    }
    return number.toString();
  }

  @Override
  public String toString() {
    return "DemoCa[" + ROOT_NAME + " at " + clock.instant().atOffset(ZoneOffset.UTC) + "]";
  }
}
