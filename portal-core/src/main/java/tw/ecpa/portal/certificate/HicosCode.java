package tw.ecpa.portal.certificate;

import java.util.Arrays;
import java.util.Optional;

/**
 * Return codes of the HiCOS cross-platform component (跨平台網頁元件) seen in the wild, with what to tell
 * the user: the browser reports them when signing fails before the server sees anything.
 */
public enum HicosCode {
  /** The component does not trust the site asking it to sign. */
  UNTRUSTED_SITE(0x76000031, "跨平台網頁元件不信任此網站，請確認網址正確後重新登入。"),
  /** No card in the reader. */
  NO_CARD(0x76000006, "未插入卡片，請將憑證IC卡插入讀卡機後重新讀取卡片。"),
  /** No card reader found. */
  NO_READER(0x76100003, "找不到讀卡機，請確認讀卡機已連接並已安裝讀卡機驅動程式。"),
  /** Logging in to the card failed: a wrong PIN, or a locked card. */
  CARD_LOGIN_FAILED(0x76100006, "憑證密碼(Pin Code)輸入錯誤，如連續錯誤 3 次將會鎖卡。"),
  /** The user cancelled. */
  CANCELLED(0x76000999, "您已取消憑證登入。"),
  /** The card has expired. */
  CARD_EXPIRED(0x76500002, "憑證已過期，請確認所持憑證之有效性。");

  /** The PIN detail code of a card locked after three wrong PINs. */
  public static final int PIN_LOCKED = 0xA4;

  private final int code;
  private final String message;

  HicosCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** The numeric code as the component returns it. */
  public int code() {
    return code;
  }

  /** The code as written in the component's documentation, {@code 0x76000006}. */
  public String hex() {
    return String.format("0x%08X", code);
  }

  /** What to tell the user, in zh-TW. */
  public String message() {
    return message;
  }

  /** The known code with this number, if any. */
  public static Optional<HicosCode> of(int code) {
    return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
  }
}
