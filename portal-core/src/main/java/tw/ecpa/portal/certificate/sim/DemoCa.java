package tw.ecpa.portal.certificate.sim;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
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
 *
 * <p>The certificates are built by {@link DemoCertificates}; revocations, CRLs and OCSP answers are
 * kept by {@link DemoRevocations}.
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

  private final Clock clock;
  private final DemoKeys keySource;
  private final DemoAuthority root;
  private final DemoAuthority moica;
  private final DemoAuthority gca;
  private final DemoRevocations revocations;
  private volatile boolean offline;

  private DemoCa(Clock clock, DemoKeys keySource) {
    this.clock = clock;
    this.keySource = keySource;
    Instant now = clock.instant();
    KeyPair rootKeys = keys(KeyType.RSA);
    X500Name rootName = new X500Name(BCStyle.INSTANCE, ROOT_NAME);
    this.root = new DemoAuthority(rootName, rootKeys, DemoCertificates.caCertificate(rootName, rootKeys.getPublic(),
        null, rootKeys.getPrivate(), now.minus(Duration.ofDays(3650)), now.plus(Duration.ofDays(7300))));
    this.moica = subordinate(MOICA_NAME, now);
    this.gca = subordinate(GCA_NAME, now);
    this.revocations = new DemoRevocations(clock, List.of(moica, gca));
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
        .addRDN(BCStyle.SERIALNUMBER, DemoCertificates.cardNumber())
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
  public void revoke(X509Certificate certificate, Instant at) {
    revocations.revoke(certificate, at);
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
  public X509CRL crl(X509Certificate issuingCa) {
    return revocations.crl(issuingCa);
  }

  /** The CA's CRL publication: the latest CRL of its issuing CAs, none while offline. */
  public CrlSource crls() {
    return issuer -> offline || !revocations.isIssuingCa(issuer) ? Optional.empty() : Optional.of(crl(issuer));
  }

  /** The CA's OCSP responder, answering with the issuing CA's own key; unreachable while offline. */
  public OcspClient ocsp() {
    return request -> {
      if (offline) {
        throw new IOException("the demo OCSP responder is offline");
      }
      return revocations.answer(request);
    };
  }

  private DemoAuthority subordinate(String name, Instant now) {
    KeyPair keys = keys(KeyType.RSA);
    X500Name x500 = new X500Name(BCStyle.INSTANCE, name);
    return new DemoAuthority(x500, keys, DemoCertificates.caCertificate(x500, keys.getPublic(), root,
        root.keys().getPrivate(), now.minus(Duration.ofDays(1825)), now.plus(Duration.ofDays(5475))));
  }

  private Issued issue(DemoAuthority by, X500Name subject, String attributeOid, String attributeValue,
      Instant notBefore, Instant notAfter, KeyType keyType) {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    KeyPair keys = keys(keyType);
    X509Certificate certificate = DemoCertificates.endEntity(by, subject, keys.getPublic(), attributeOid,
        attributeValue, notBefore, notAfter);
    return new Issued(certificate, keys.getPrivate());
  }

  private KeyPair keys(KeyType type) {
    return keySource.next(type);
  }

  @Override
  public String toString() {
    return "DemoCa[" + ROOT_NAME + " at " + clock.instant().atOffset(ZoneOffset.UTC) + "]";
  }
}
