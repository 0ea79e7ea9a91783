package tw.ecpa.portal.password;

/**
 * The portal's password rules, each with the zh-TW sentence that names it when a new password
 * breaks it (the wording follows the change-password page of the seeds).
 */
public enum PasswordRule {

  /** At least eight characters. */
  MIN_LENGTH("密碼長度需8碼以上。"),
  /** At least one English letter. */
  LETTER("密碼須包含英文字母（區分大小寫）。"),
  /** At least one Arabic digit. */
  DIGIT("密碼須包含阿拉伯數字。"),
  /** At least one special symbol such as ~!@#$^*()-_={}|;:,. */
  SYMBOL("密碼須包含特殊符號，例如：~!@#$^*()-_={}|;:,."),
  /** None of the characters % & + ' " ? < > / \ . */
  FORBIDDEN_CHARACTER("密碼請勿輸入下列特殊字元 % & + ' \" ? < > / \\"),
  /** No whitespace. */
  NO_WHITESPACE("密碼中請勿使用空白字元。"),
  /** Only half-width printable characters (no full-width or Chinese characters). */
  HALF_WIDTH("密碼請使用半形英文字母、數字及符號，勿使用全形字元或中文。"),
  /** Not one of the common passwords that are guessed first. */
  NOT_COMMON("此密碼過於常見，容易被猜中，請改用其他密碼。"),
  /** Not the same as any of the last three passwords. */
  NOT_RECENT("新密碼不可與前3次密碼相同。"),
  /** Two hours must pass after the last change. */
  CHANGE_INTERVAL("上一次修改密碼後，需於2小時後才能再重設。"),
  /** The confirmation must match. */
  CONFIRMATION("新密碼與確認新密碼不一致，請重新輸入。");

  private final String message;

  PasswordRule(String message) {
    this.message = message;
  }

  /** The zh-TW sentence shown when a password breaks this rule. */
  public String message() {
    return message;
  }
}
