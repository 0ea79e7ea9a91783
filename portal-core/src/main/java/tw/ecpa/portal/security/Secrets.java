package tw.ecpa.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The portal's secret values: random tokens and codes, their SHA-256 (the only form that is stored)
 * and constant-time comparison. One place, so every secret is made and compared the same way.
 */
public final class Secrets {

  /**
   * Upper-case letters and digits without look-alikes (no 0/O, 1/I, no L): the alphabet of codes people
   * type from an e-mail, such as {@code H9CN8NMC}.
   */
  public static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A URL-safe random token of 256 bits. */
  public static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A random code of this length from {@link #CODE_ALPHABET}. */
  public static String code(int length) {
    return code(length, CODE_ALPHABET);
  }

  /** A random code of this length from an alphabet. */
  public static String code(int length, String alphabet) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** The SHA-256 of a value, in lower-case hex. */
  public static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether two values are equal, in time that does not depend on where they differ. */
  public static boolean equal(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
