package tw.ecpa.portal.recovery;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import tw.ecpa.portal.captcha.Captchas;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.people.EmailAddress;
import tw.ecpa.portal.ratelimit.RateLimiter;
import tw.ecpa.portal.recovery.RequestOutcome.Problem;
import tw.ecpa.portal.time.RocDate;

/**
 * The front door of 忘記密碼 and 重新驗證信箱, shared by the pages' routes and the chat: checks the
 * form (captcha, shapes), counts the request against the limits per client address and per identity
 * number, and hands the lookup and the mail to a background executor. It answers before the lookup
 * runs, so neither the answer nor its time depends on whether the data matched anyone.
 */
public final class RecoveryRequests {

  /** The one answer to every accepted forgot-password request. */
  public static final String FORGOT_ACCEPTED = "若您輸入的身分證字號及Email與系統資料相符，我們已將認證碼函寄至您的電子信箱，"
      + "認證碼24小時內有效。請收信後點選信中連結，或至「驗證認證碼」輸入帳號或身分證字號及認證碼後重設密碼。"
      + "若未收到信件，請先檢查垃圾郵件匣，或點選「重新驗證信箱」。";
  /** The one answer to every accepted mailbox re-verification. */
  public static final String REVERIFY_ACCEPTED = "若您輸入的身分證字號、生日及任現職之實際到職日期與系統資料相符，"
      + "我們已將您的電子信箱重新設定為您輸入的Email，並寄送認證碼函（24小時內有效）供重設密碼。"
      + "如不清楚實際到職日期，請逕洽單位人事。";

  private final PasswordRecovery recovery;
  private final Captchas captchas;
  private final Executor background;
  private final RateLimiter perAddress;
  private final RateLimiter perId;

  /**
   * Creates the front door.
   *
   * @param background runs the lookups and mails after the answer
   * @param perAddress limits requests per client address
   * @param perId limits requests per identity number typed
   */
  public RecoveryRequests(PasswordRecovery recovery, Captchas captchas, Executor background,
      RateLimiter perAddress, RateLimiter perId) {
    this.recovery = recovery;
    this.captchas = captchas;
    this.background = background;
    this.perAddress = perAddress;
    this.perId = perId;
  }

  /** 忘記密碼: identity number, e-mail, captcha and whether to send the custom account too. */
  public RequestOutcome forgot(String idNumber, String email, String captchaId, String captchaAnswer,
      boolean sendAccount, String clientAddress) {
    if (blank(idNumber) || blank(email)) {
      return new RequestOutcome.Invalid(Problem.MISSING, "請輸入身分證字號、Email 及驗證碼。");
    }
    Optional<RequestOutcome> refused = captcha(captchaId, captchaAnswer);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<IdNumber> id = IdNumber.parse(idNumber);
    if (id.isEmpty()) {
      return invalidId();
    }
    if (EmailAddress.parse(email).isEmpty()) {
      return invalidEmail();
    }
    return submit(id.get(), clientAddress, FORGOT_ACCEPTED,
        () -> recovery.requestReset(id.get().value(), email, sendAccount, clientAddress));
  }

  /** 重新驗證信箱: identity number, birthday and on-duty date (ROC {@code YYYMMDD}), new e-mail, captcha. */
  public RequestOutcome reverify(String idNumber, String birthday, String onDutyDate, String email,
      String captchaId, String captchaAnswer, String clientAddress) {
    if (blank(idNumber) || blank(email) || blank(birthday) || blank(onDutyDate)) {
      return new RequestOutcome.Invalid(Problem.MISSING,
          "請輸入身分證字號、生日、任現職之實際到職日期、Email 及驗證碼。");
    }
    Optional<RequestOutcome> refused = captcha(captchaId, captchaAnswer);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<IdNumber> id = IdNumber.parse(idNumber);
    if (id.isEmpty()) {
      return invalidId();
    }
    Optional<LocalDate> born = RocDate.parse(birthday);
    Optional<LocalDate> onDuty = RocDate.parse(onDutyDate);
    if (born.isEmpty() || onDuty.isEmpty()) {
      return new RequestOutcome.Invalid(Problem.DATE,
          "生日及任現職之實際到職日期請輸入民國年月日7碼，例如：0610101。");
    }
    if (EmailAddress.parse(email).isEmpty()) {
      return invalidEmail();
    }
    return submit(id.get(), clientAddress, REVERIFY_ACCEPTED,
        () -> recovery.reverifyMailbox(id.get().value(), born.get(), onDuty.get(), email, clientAddress));
  }

  private Optional<RequestOutcome> captcha(String captchaId, String captchaAnswer) {
    return captchas.solve(captchaId, captchaAnswer) ? Optional.empty()
        : Optional.of(new RequestOutcome.Invalid(Problem.CAPTCHA, "驗證碼錯誤或已逾時，請重新輸入新的驗證碼。"));
  }

  private RequestOutcome submit(IdNumber id, String clientAddress, String accepted, Runnable work) {
    String address = clientAddress == null ? "unknown" : clientAddress;
    if (!perAddress.tryAcquire(address)) {
      return new RequestOutcome.TooMany(perAddress.retryAfterSeconds(address), "申請次數過多，請稍後再試。");
    }
    String key = id.value().toUpperCase(Locale.ROOT);
    if (!perId.tryAcquire(key)) {
      return new RequestOutcome.TooMany(perId.retryAfterSeconds(key),
          "此身分證字號的申請次數過多，請稍後再試；已寄出的認證碼24小時內仍有效（以最後一封為準）。");
    }
    try {
      background.execute(work);
    } catch (RejectedExecutionException e) {
      return new RequestOutcome.Busy("系統忙碌中，請稍後再試。");
    }
    return new RequestOutcome.Accepted(accepted);
  }

  private static RequestOutcome invalidId() {
    return new RequestOutcome.Invalid(Problem.ID_NUMBER, "身分證字號格式不正確，請重新輸入（英文字母1碼及數字9碼）。");
  }

  private static RequestOutcome invalidEmail() {
    return new RequestOutcome.Invalid(Problem.EMAIL, "Email 格式不正確，請重新輸入，例如：name@mail.gov.tw。");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
