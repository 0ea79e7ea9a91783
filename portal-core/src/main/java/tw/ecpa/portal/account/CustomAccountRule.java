package tw.ecpa.portal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules for a custom account (自訂帳號) from the seeds' profile page: half-width English letters
 * and digits only, not in ID-number format, no special characters, spaces, full-width characters or
 * Chinese. Uniqueness is the account store's to check.
 */
public enum CustomAccountRule {

  /** Something must be entered. */
  REQUIRED("請輸入自訂帳號。"),
  /** Between 4 and 30 characters (editorial: the seeds give no length). */
  LENGTH("自訂帳號長度請設定為4至30碼。"),
  /** Half-width letters and digits only. */
  HALF_WIDTH_ALPHANUMERIC("帳號請設定半形英文字母及數字。"),
  /** No special characters, spaces, full-width characters or Chinese. */
  NO_SPECIAL("帳號請勿輸入特殊字元、空白、全形、文字。"),
  /** Must not look like an ID number (a letter followed by nine digits). */
  NOT_ID_FORMAT("帳號請勿使用身分證字號格式，如：A123456XXXX。"),
  /** Must contain at least one letter, so it can never be mistaken for a number. */
  HAS_LETTER("自訂帳號須至少包含一個英文字母。");

  private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern ID_FORMAT = Pattern.compile("[A-Za-z][A-Za-z0-9][0-9]{8}");

  private final String message;

  CustomAccountRule(String message) {
    this.message = message;
  }

  /** The zh-TW sentence shown when an account breaks this rule. */
  public String message() {
    return message;
  }

  /** Returns every rule the proposed custom account breaks; empty when it is acceptable. */
  public static List<CustomAccountRule> check(String account) {
    List<CustomAccountRule> broken = new ArrayList<>();
    if (account == null || account.isEmpty()) {
      broken.add(REQUIRED);
      return broken;
    }
    int length = account.codePointCount(0, account.length());
    if (length < 4 || length > 30) {
      broken.add(LENGTH);
    }
    if (!ALPHANUMERIC.matcher(account).matches()) {
      boolean wide = account.codePoints().anyMatch(c -> c > 0x7E);
      boolean other = account.codePoints().anyMatch(c -> c <= 0x7E && !Character.isLetterOrDigit(c));
      if (wide) {
        broken.add(HALF_WIDTH_ALPHANUMERIC);
      }
      if (other || wide) {
        broken.add(NO_SPECIAL);
      }
    }
    if (ID_FORMAT.matcher(account).matches()) {
      broken.add(NOT_ID_FORMAT);
    }
    if (account.chars().noneMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      broken.add(HAS_LETTER);
    }
    return broken;
  }
}
