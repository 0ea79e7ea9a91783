package tw.ecpa.portal.nhi;

/**
 * The NHI card's cloud verification (健保卡網路服務): the card as read by the NHI local component and the
 * registration password set at the one-time online-services registration. In production the NHI
 * Administration's service answers; {@link tw.ecpa.portal.nhi.sim.NhiSimulator} stands in for it in the
 * default run, the demo page and tests.
 */
public interface NhiVerifier {

  /** Most wrong registration passwords in a row before the card's online use is suspended. */
  int MAX_TRIES = 3;

  /**
   * Verifies a card and its registration password; never throws for bad input (an unreadable or unknown
   * card is {@link NhiVerification.NotRegistered}).
   *
   * @param cardNumber the card number as the local component read it
   * @param registrationPassword the password the holder typed
   */
  NhiVerification verify(String cardNumber, String registrationPassword);
}
