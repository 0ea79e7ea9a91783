package tw.ecpa.portal.mobileid;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The checksum every request to the mobile-ID service carries: HMAC-SHA256, with the key the service
 * shares with the relying party, over the request's fields in order. Each field goes in as its UTF-8
 * length (4 bytes) then its bytes, so that no two lists of fields read the same; a missing field is
 * the empty string. Lower-case hex.
 */
public final class MobileIdMac {

  private MobileIdMac() {}

  /** The checksum of these fields under this key. */
  public static String compute(byte[] key, List<String> fields) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (String field : fields) {
        byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
      }
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no HMAC-SHA256 in this JDK", e);
    }
  }

  /** Whether a checksum is the one of these fields under this key, compared in constant time. */
  public static boolean matches(byte[] key, String mac, List<String> fields) {
    return mac != null && MessageDigest.isEqual(compute(key, fields).getBytes(StandardCharsets.US_ASCII),
        mac.getBytes(StandardCharsets.US_ASCII));
  }
}
