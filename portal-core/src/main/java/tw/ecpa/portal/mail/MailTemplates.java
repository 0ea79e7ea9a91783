package tw.ecpa.portal.mail;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.time.RocDate;

/**
 * The portal's mails, worded as the seeds show them: the forgot-password 認證碼 mail, the 帳號通知
 * mail sent with it when 一併寄送帳號 is ticked, the new-password mail after an HR officer's
 * 重設員工密碼, and a password-changed notice.
 *
 * <p>Every mail comes from {@link #SENDER} and carries 「(非社交工程演練)」 in its subject, as the
 * real ones do, so agencies' phishing drills do not catch them. No mail ever holds a full identity
 * number: the account notice refuses one, and names passed in are redacted.
 */
public final class MailTemplates {

  /** The sender the seeds show: 行政院人事行政總處 &lt;pemis@dgpa.gov.tw&gt;. */
  public static final String SENDER = "行政院人事行政總處 <pemis@dgpa.gov.tw>";

  /**
   * The forgot-password subject, exactly as in the seed. The account notice carries it too: the seed
   * shows the 帳號通知 mail arriving under this same subject.
   */
  public static final String RESET_CODE_SUBJECT = "行政院人事行政總處 人事服務網密碼重設認證碼通知！(非社交工程演練)";

  /** The subject of the new-password mail after an HR officer's reset (editorial, in the seed's pattern). */
  public static final String HR_RESET_SUBJECT = "行政院人事行政總處 人事服務網密碼重設通知！(非社交工程演練)";

  /** The subject of the password-changed notice (editorial, in the seed's pattern). */
  public static final String PASSWORD_CHANGED_SUBJECT = "行政院人事行政總處 人事服務網密碼變更通知！(非社交工程演練)";

  /** The help line as the seed's mails give it. */
  static final String HELPLINE =
      "如仍有疑問請洽詢人事資訊系統客服專線：02-23979108 (開放時間：上午 9:00~12:00 下午 14:00~17:00)";

  private static final String CLOSING = "感謝您的使用，祝您愉快！\n\n此致\n行政院人事行政總處 人事服務網(eCPA)\n";
  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final Pattern ID_SHAPED = Pattern.compile("(?i)[A-Z][A-Z0-9][0-9]{8}");

  private final Supplier<String> portalBaseUrl;

  /**
   * Creates the templates for a portal reached at a base URL such as {@code http://127.0.0.1:7070}
   * (a trailing slash is dropped); mails link to it.
   */
  public MailTemplates(String portalBaseUrl) {
    String base = normalized(portalBaseUrl);
    this.portalBaseUrl = () -> base;
  }

  /**
   * Creates the templates for a portal whose address is known later (once the server listens); it is
   * asked for at each mail.
   */
  public MailTemplates(Supplier<String> portalBaseUrl) {
    this.portalBaseUrl = Objects.requireNonNull(portalBaseUrl, "portalBaseUrl");
  }

  private static String normalized(String portalBaseUrl) {
    Objects.requireNonNull(portalBaseUrl, "portalBaseUrl");
    String base = portalBaseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    if (!base.startsWith("http://") && !base.startsWith("https://")) {
      throw new IllegalArgumentException("the portal base URL must start with http:// or https://");
    }
    return base;
  }

  private String base() {
    return normalized(portalBaseUrl.get());
  }

  /**
   * The forgot-password mail with the 認證碼 and the link to verify it (seed 000's 認證碼 mail, the
   * seed's 已保護 corrected to 以保護). A link starting with {@code /} is taken as a path on the
   * portal.
   */
  public MailMessage resetCode(String to, String code, String verifyLink) {
    required(code, "code");
    String link = link(required(verifyLink, "verifyLink"));
    String text = "您好：\n\n"
        + "這封信是由人事服務網(eCPA)所寄送的密碼重設或帳號解鎖之信件。您收到這封信件，是因為您在人事服務網(eCPA)申請密碼重設，"
        + "若您未提出申請請忽略此信件。\n\n"
        + "會員密碼重設認證碼說明\n\n"
        + "您是人事服務網(eCPA)的使用者，由於您忘記密碼而使您無法登入。系統接受您的申請而重新寄送一組認證碼，"
        + "以方便您再次使用人事服務網。\n\n"
        + "請使用下方連結進行密碼重設：\n\n"
        + link + "\n\n"
        + "先輸入您的帳號及本信件提供認證碼如下：\n\n"
        + "您的認證碼：\n\n"
        + code + "\n\n"
        + "(完成認證碼驗證後，即可重設密碼，本認證碼具有時效性(24小時後將失效)，請收到後立即重設密碼，以保護您的密碼安全性)\n\n"
        + HELPLINE + "\n\n"
        + CLOSING;
    return new MailMessage(to, RESET_CODE_SUBJECT, text);
  }

  /**
   * The 帳號通知 mail sent beside the 認證碼 mail when 一併寄送帳號 is ticked (seed 000), under the
   * same subject as the seed shows.
   *
   * @param customAccount the 自訂帳號; an identity number is refused, since mails never carry one
   */
  public MailMessage accountNotice(String to, String customAccount) {
    String account = required(customAccount, "customAccount").strip();
    if (ID_SHAPED.matcher(account).matches()) {
      throw new IllegalArgumentException("an account notice never carries an identity number");
    }
    String text = "您好：\n\n"
        + "這封信是由人事服務網(eCPA)所寄送的帳號通知之信件。您收到這封信件，是因為您在人事服務網(eCPA)要求密碼重設並一併寄送帳號。"
        + "若您未提出申請請忽略此信件。\n\n"
        + "帳號通知說明\n\n"
        + "您是人事服務網的使用者，由於您重設密碼時有勾選一併寄送帳號。系統接受您的申請而重新寄送您的帳號，"
        + "以方便您再次使用人事服務網。\n\n"
        + "請連結至人事服務網(" + base() + ")後進行登入，輸入您的密碼及下方我們所提供的帳號：\n\n"
        + "您的帳號如下：\n\n"
        + account + "\n\n"
        + HELPLINE + "\n\n"
        + CLOSING;
    return new MailMessage(to, RESET_CODE_SUBJECT, text);
  }

  /**
   * The new-password mail after an HR officer's 重設員工密碼 (seed 001): who asked for the reset, the
   * generated password, the advice to change it at once, and how to log in with the identity number
   * as the account.
   */
  public MailMessage hrReset(String to, String organizationName, String officerName, String initialPassword) {
    String organization = IdNumber.redact(required(organizationName, "organizationName").strip());
    String officer = IdNumber.redact(required(officerName, "officerName").strip());
    required(initialPassword, "initialPassword");
    String text = "您好：\n\n"
        + "這封信是由 人事服務網 所寄送的密碼重設之信件。您收到這封信件，是因為 " + organization + " 機關的 " + officer
        + " 在 人事服務網 要求密碼重設。\n\n"
        + "會員密碼重設說明\n\n"
        + "您是 人事服務網 的使用者，由於您忘記密碼而使您無法登入。系統接受 " + organization + " 機關的 " + officer
        + " 申請而重新寄送一組自動產生的新密碼，以方便您再次使用 人事服務網。\n\n"
        + "請連結至 人事服務網 後進行登入，輸入您的帳號及下方我們所提供的新密碼：\n\n"
        + "您的新密碼如下：\n\n"
        + initialPassword + "\n\n"
        + "(請在新密碼登入後立即變更您的密碼以增加安全性)\n\n"
        + "請進入 ECPA(" + base() + ")後，於帳號登入區域，帳號請輸入身分證字號，密碼請輸入本信件中的新密碼後，"
        + "再按【登入】。首次登入者，請依畫面指示設定自訂帳號、電子郵件及登入密碼。\n\n"
        + "如仍有疑問請洽詢首頁 (" + base() + ") 下方客服電話或客服信箱\n\n"
        + CLOSING;
    return new MailMessage(to, HR_RESET_SUBJECT, text);
  }

  /**
   * A short notice that the password was reset or changed at a moment, shown in Taipei time as
   * {@code 115年11月23日 21時05分}, with what to do if it was not the recipient (editorial).
   */
  public MailMessage passwordChanged(String to, Instant at) {
    Objects.requireNonNull(at, "at");
    String text = "您好：\n\n"
        + "這封信是由人事服務網(eCPA)所寄送的密碼變更通知之信件。您的人事服務網(eCPA)登入密碼已於 " + written(at)
        + " 完成重設或變更。\n\n"
        + "若為您本人的操作，請忽略此信件。\n\n"
        + "若您並未重設或變更密碼，您的帳號可能已遭他人使用，請立即連結至人事服務網(" + base()
        + ")點選「忘記密碼」以Email認證碼重設密碼，並洽詢機關人事人員協助處理。\n\n"
        + HELPLINE + "\n\n"
        + CLOSING;
    return new MailMessage(to, PASSWORD_CHANGED_SUBJECT, text);
  }

  /** A moment as the mails write it: Taipei time, ROC year, minutes in two digits. */
  static String written(Instant at) {
    LocalDateTime t = LocalDateTime.ofInstant(at, TAIPEI);
    return String.format("%d年%d月%d日 %d時%02d分", t.getYear() - RocDate.OFFSET, t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute());
  }

  private String link(String verifyLink) {
    String link = verifyLink.strip();
    if (hasLineBreak(link)) {
      throw new IllegalArgumentException("the link must be a single line");
    }
    return link.startsWith("/") ? base() + link : link;
  }

  private static String required(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  private static boolean hasLineBreak(String value) {
    return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
  }
}
