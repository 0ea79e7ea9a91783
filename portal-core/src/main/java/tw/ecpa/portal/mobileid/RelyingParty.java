package tw.ecpa.portal.mobileid;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The portal as the mobile-ID service knows it: its service id and the key both share for the
 * requests' checksums ({@link MobileIdMac}). The key never reaches a log.
 *
 * @param serviceId the relying party's id at the service
 * @param macKey the shared key
 */
public record RelyingParty(String serviceId, byte[] macKey) {

  public RelyingParty {
    Objects.requireNonNull(serviceId, "serviceId");
    if (macKey == null || macKey.length < 16) {
      throw new IllegalArgumentException("the shared key must have at least 16 bytes");
    }
    macKey = macKey.clone();
  }

  /** A relying party with a new random 32-byte key: for the default run, shared with the simulator. */
  public static RelyingParty random(String serviceId) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new RelyingParty(serviceId, key);
  }

  @Override
  public byte[] macKey() {
    return macKey.clone();
  }

  /** A start request for this party, with its checksum. */
  public MobileIdService.StartRequest start(String transactionId, String idNumber, String signData) {
    return MobileIdService.StartRequest.signed(serviceId, macKey, transactionId, idNumber, signData);
  }

  /** A result request for this party, with its checksum. */
  public MobileIdService.ResultRequest result(String transactionId) {
    return MobileIdService.ResultRequest.signed(serviceId, macKey, transactionId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelyingParty other && other.serviceId.equals(serviceId)
        && java.security.MessageDigest.isEqual(other.macKey, macKey);
  }

  @Override
  public int hashCode() {
    return serviceId.hashCode();
  }

  /** Leaves the key out. */
  @Override
  public String toString() {
    return "RelyingParty[serviceId=" + serviceId + "]";
  }
}
