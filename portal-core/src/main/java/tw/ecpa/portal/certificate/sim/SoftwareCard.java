package tw.ecpa.portal.certificate.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A smart card in software, as the HiCOS component presents one: a private key, its certificate and a
 * PIN. It signs a challenge as CMS SignedData (SHA-256 with RSA or ECDSA, content encapsulated, signer
 * certificate included). Three wrong PINs in a row lock it for good; a right PIN before that resets
 * the count. For the demo page and tests: the key never leaves it, the PIN is never shown.
 */
public final class SoftwareCard {

  /** Wrong PINs in a row that lock the card. */
  public static final int MAX_TRIES = 3;

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final byte[] pin;
  private int wrongInARow;

  /**
   * Creates a card. The key is not checked against the certificate, so that a test can make a card
   * whose signature the certificate does not verify.
   */
  public SoftwareCard(PrivateKey key, X509Certificate certificate, String pin) {
    this.key = Objects.requireNonNull(key, "key");
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.pin = Objects.requireNonNull(pin, "pin").getBytes(StandardCharsets.UTF_8);
  }

  /** The card's certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Whether three wrong PINs have locked the card. */
  public synchronized boolean locked() {
    return wrongInARow >= MAX_TRIES;
  }

  /** How many wrong PINs the card still takes before it locks. */
  public synchronized int triesLeft() {
    return Math.max(0, MAX_TRIES - wrongInARow);
  }

  /** Checks the PIN and, when it is right, signs the content. */
  public synchronized CardResult sign(String typedPin, byte[] content) {
    if (locked()) {
      return new CardResult.Locked();
    }
    byte[] typed = typedPin == null ? new byte[0] : typedPin.getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(typed, pin)) {
      wrongInARow++;
      return locked() ? new CardResult.Locked() : new CardResult.WrongPin(triesLeft());
    }
    wrongInARow = 0;
    return new CardResult.Signed(signedData(key, certificate, content));
  }

  /** CMS SignedData over the content with this key, carrying this certificate. */
  static byte[] signedData(PrivateKey key, X509Certificate certificate, byte[] content) {
    try {
      String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().build())
          .build(new JcaContentSignerBuilder(algorithm).build(key), certificate));
      generator.addCertificates(new JcaCertStore(List.of(certificate)));
      return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
    } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
      throw new IllegalStateException("the software card could not sign", e);
    }
  }

  @Override
  public String toString() {
    return "SoftwareCard[" + certificate.getSubjectX500Principal() + "]";
  }
}
