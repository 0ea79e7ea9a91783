package tw.ecpa.portal.mobileid;

import java.util.List;
import java.util.Objects;

/**
 * The mobile natural-person certificate service (行動自然人憑證, TW FidO) as a relying party calls it.
 * The portal starts a transaction with the holder's identity number and the content to sign; the service
 * pushes it to the phone bound to that number, where the holder confirms with biometrics; the portal
 * polls for the result (every ≥ 4 s) and, once approved, receives CMS SignedData over the content with
 * the holder's citizen certificate. Every request carries the relying party's service id, the
 * transaction id and a checksum of its fields ({@link MobileIdMac}) that the service checks.
 *
 * <p>In production this is the Ministry of the Interior's service; {@link
 * tw.ecpa.portal.mobileid.sim.MobileIdSimulator} stands in for it in the default run, the demo page and
 * tests. Implementations answer expected refusals with results, and throw only when the service cannot
 * be reached.
 */
public interface MobileIdService {

  /** Starts a transaction: the service pushes it to the phone bound to the identity number. */
  StartAnswer start(StartRequest request);

  /** The transaction's state now. */
  TransactionResult result(ResultRequest request);

  /**
   * A start request.
   *
   * @param serviceId the relying party's id
   * @param transactionId the relying party's id for this transaction
   * @param idNumber the identity number typed by the holder
   * @param signData the content the phone signs (the portal's challenge)
   * @param mac the checksum of the fields above, in this order
   */
  record StartRequest(String serviceId, String transactionId, String idNumber, String signData, String mac) {

    /** A request with the checksum made with this key. */
    public static StartRequest signed(String serviceId, byte[] key, String transactionId, String idNumber,
        String signData) {
      return new StartRequest(serviceId, transactionId, idNumber, signData,
          MobileIdMac.compute(key, List.of(serviceId, transactionId, idNumber, signData)));
    }

    /** The fields the checksum covers, in order. */
    public List<String> fields() {
      return java.util.Arrays.asList(serviceId, transactionId, idNumber, signData);
    }

    /** Leaves the identity number and the transaction id out. */
    @Override
    public String toString() {
      return "StartRequest[serviceId=" + serviceId + "]";
    }
  }

  /**
   * A result request.
   *
   * @param serviceId the relying party's id
   * @param transactionId the transaction asked about
   * @param mac the checksum of the fields above, in this order
   */
  record ResultRequest(String serviceId, String transactionId, String mac) {

    /** A request with the checksum made with this key. */
    public static ResultRequest signed(String serviceId, byte[] key, String transactionId) {
      return new ResultRequest(serviceId, transactionId, MobileIdMac.compute(key, List.of(serviceId, transactionId)));
    }

    /** The fields the checksum covers, in order. */
    public List<String> fields() {
      return java.util.Arrays.asList(serviceId, transactionId);
    }

    /** Leaves the transaction id out. */
    @Override
    public String toString() {
      return "ResultRequest[serviceId=" + serviceId + "]";
    }
  }

  /** What the service said to a start request. */
  sealed interface StartAnswer {

    /** Pushed to the holder's phone. */
    record Pushed() implements StartAnswer {}

    /** No phone is bound to this identity number (the holder has not registered the app). */
    record NoBoundPhone() implements StartAnswer {}

    /** The request itself was refused: a checksum that does not match, a duplicate or malformed request. */
    record Refused(String why) implements StartAnswer {

      public Refused {
        Objects.requireNonNull(why, "why");
      }
    }
  }

  /** A transaction's state, as the service answers a poll. */
  sealed interface TransactionResult {

    /** The holder has not acted yet. */
    record NotYet() implements TransactionResult {}

    /**
     * The holder confirmed on the phone.
     *
     * @param signedResponse CMS SignedData (DER) over the transaction's content, with the holder's
     *     certificate
     */
    record Approved(byte[] signedResponse) implements TransactionResult {

      public Approved {
        signedResponse = Objects.requireNonNull(signedResponse, "signedResponse").clone();
      }

      @Override
      public byte[] signedResponse() {
        return signedResponse.clone();
      }
    }

    /** The holder declined on the phone. */
    record Denied() implements TransactionResult {}

    /** The holder did not act in time. */
    record Expired() implements TransactionResult {}

    /** The service knows no such transaction. */
    record Unknown() implements TransactionResult {}

    /** The request itself was refused: a checksum that does not match, a malformed request. */
    record Refused(String why) implements TransactionResult {

      public Refused {
        Objects.requireNonNull(why, "why");
      }
    }
  }
}
