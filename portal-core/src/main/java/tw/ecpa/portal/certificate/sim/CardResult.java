package tw.ecpa.portal.certificate.sim;

import java.util.Objects;
import tw.ecpa.portal.certificate.HicosCode;

/** What asking a (software) card to sign came to, in the HiCOS component's terms. */
public sealed interface CardResult {

  /** Signed: CMS SignedData, DER, with the content encapsulated and the signer's certificate included. */
  record Signed(byte[] signedData) implements CardResult {

    public Signed {
      signedData = Objects.requireNonNull(signedData, "signedData").clone();
    }

    @Override
    public byte[] signedData() {
      return signedData.clone();
    }
  }

  /** A wrong PIN; the card locks when {@code triesLeft} reaches zero. */
  record WrongPin(int triesLeft) implements CardResult {

    /** The component's code. */
    public HicosCode code() {
      return HicosCode.CARD_LOGIN_FAILED;
    }

    /** What to tell the user, in zh-TW. */
    public String message() {
      return "憑證密碼(Pin Code)輸入錯誤，尚可再試 " + triesLeft + " 次；如連續錯誤 3 次將會鎖卡。";
    }
  }

  /** The card is locked ({@code 0xA4}) after three wrong PINs; only the CA's unlock service opens it. */
  record Locked() implements CardResult {

    /** The component's code. */
    public HicosCode code() {
      return HicosCode.CARD_LOGIN_FAILED;
    }

    /** The PIN detail code. */
    public int detail() {
      return HicosCode.PIN_LOCKED;
    }

    /** What to tell the user, in zh-TW. */
    public String message() {
      return "憑證遭鎖定，必須進行解卡方可再使用：自然人憑證請至 MOICA 內政部憑證管理中心網站進行解卡；"
          + "機關憑證則請至 GCA 政府憑證管理中心網站進行解卡。";
    }
  }
}
