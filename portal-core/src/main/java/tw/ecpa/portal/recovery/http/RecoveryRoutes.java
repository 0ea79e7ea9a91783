package tw.ecpa.portal.recovery.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import tw.ecpa.portal.account.http.AccountRoutes;
import tw.ecpa.portal.captcha.Captchas;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.people.EmailAddress;
import tw.ecpa.portal.ratelimit.RateLimiter;
import tw.ecpa.portal.recovery.PasswordRecovery;
import tw.ecpa.portal.recovery.ResetOutcome;
import tw.ecpa.portal.recovery.VerifyOutcome;
import tw.ecpa.portal.time.RocDate;

/**
 * 忘記密碼, 重新驗證信箱, 驗證認證碼 and 重設密碼 over HTTP, for people who cannot log in.
 *
 * <p>The two requests that look a person up answer {@code 202} with one fixed body as soon as the form
 * is checked (captcha, shapes, rate limits); the lookup and the mail run afterwards on another thread.
 * So neither the body nor the time to answer depends on whether the data matched anyone.
 */
public final class RecoveryRoutes {

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
  private final RateLimiter requestsPerAddress;
  private final RateLimiter requestsPerId;
  private final RateLimiter codeFailuresPerAddress;
  private final PortalHttp http;

  /**
   * Creates the routes.
   *
   * @param background runs the lookups and mails after the answer is sent
   * @param requestsPerAddress limits forgot-password and re-verification requests per client address
   * @param requestsPerId limits them per identity number typed
   * @param codeFailuresPerAddress limits wrong verification codes per client address
   */
  public RecoveryRoutes(PasswordRecovery recovery, Captchas captchas, Executor background,
      RateLimiter requestsPerAddress, RateLimiter requestsPerId, RateLimiter codeFailuresPerAddress,
      PortalHttp http) {
    this.recovery = recovery;
    this.captchas = captchas;
    this.background = background;
    this.requestsPerAddress = requestsPerAddress;
    this.requestsPerId = requestsPerId;
    this.codeFailuresPerAddress = codeFailuresPerAddress;
    this.http = http;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.post("/api/password/forgot", this::forgot);
    app.post("/api/mailbox/reverify", this::reverify);
    app.post("/api/password/verify-code", this::verifyCode);
    app.post("/api/password/reset", this::reset);
  }

  void forgot(Context ctx) {
    PortalHttp.Body body = http.body(ctx);
    String idNumber = body.text("idNumber", 20);
    String email = body.text("email", 300);
    if (blank(idNumber) || blank(email)) {
      throw PortalError.badRequest("請輸入身分證字號、Email 及驗證碼。");
    }
    solveCaptcha(body);
    String id = checkedId(idNumber);
    if (EmailAddress.parse(email).isEmpty()) {
      throw new PortalError(400, "invalid-email", "Email 格式不正確，請重新輸入，例如：name@mail.gov.tw。");
    }
    limit(ctx, id);
    boolean sendAccount = body.flag("sendAccount");
    String address = ctx.ip();
    submit(() -> recovery.requestReset(id, email, sendAccount, address));
    ctx.status(202).json(Map.of("message", FORGOT_ACCEPTED));
  }

  void reverify(Context ctx) {
    PortalHttp.Body body = http.body(ctx);
    String idNumber = body.text("idNumber", 20);
    String email = body.text("email", 300);
    Optional<LocalDate> birthday = RocDate.parse(body.text("birthday", 20));
    Optional<LocalDate> onDuty = RocDate.parse(body.text("onDutyDate", 20));
    if (blank(idNumber) || blank(email) || blank(body.text("birthday", 20)) || blank(body.text("onDutyDate", 20))) {
      throw PortalError.badRequest("請輸入身分證字號、生日、任現職之實際到職日期、Email 及驗證碼。");
    }
    solveCaptcha(body);
    String id = checkedId(idNumber);
    if (birthday.isEmpty() || onDuty.isEmpty()) {
      throw new PortalError(400, "invalid-date", "生日及任現職之實際到職日期請輸入民國年月日7碼，例如：0610101。");
    }
    if (EmailAddress.parse(email).isEmpty()) {
      throw new PortalError(400, "invalid-email", "Email 格式不正確，請重新輸入，例如：name@mail.gov.tw。");
    }
    limit(ctx, id);
    String address = ctx.ip();
    submit(() -> recovery.reverifyMailbox(id, birthday.get(), onDuty.get(), email, address));
    ctx.status(202).json(Map.of("message", REVERIFY_ACCEPTED));
  }

  void verifyCode(Context ctx) {
    PortalHttp.Body body = http.body(ctx);
    String account = body.text("accountOrId", 100);
    String code = body.text("code", 40);
    if (blank(account) || blank(code)) {
      throw PortalError.badRequest("請輸入帳號或身分證字號（第一次使用者請輸入身分證字號）及認證碼。");
    }
    if (codeFailuresPerAddress.exhausted(ctx.ip())) {
      throw PortalError.tooMany("認證碼錯誤次數過多，請稍後再試。", codeFailuresPerAddress.retryAfterSeconds(ctx.ip()));
    }
    VerifyOutcome outcome = recovery.verify(account, code, ctx.ip());
    if (outcome instanceof VerifyOutcome.Verified verified) {
      ctx.json(Map.of("resetToken", verified.resetToken()));
      return;
    }
    codeFailuresPerAddress.record(ctx.ip());
    throw new PortalError(400, "invalid-code", "帳號或認證碼錯誤，或認證碼已使用、已逾期（24小時內有效）。"
        + "請確認後重新輸入；如認證碼已失效，請重新申請「忘記密碼」。");
  }

  void reset(Context ctx) {
    PortalHttp.Body body = http.body(ctx);
    String token = body.text("resetToken", 100);
    String next = body.text("newPassword", 200);
    String confirmation = body.text("confirmPassword", 200);
    if (blank(token) || next == null || confirmation == null) {
      throw PortalError.badRequest("請輸入新密碼及確認新密碼。");
    }
    ResetOutcome outcome = recovery.reset(token, next, confirmation, ctx.ip());
    if (outcome instanceof ResetOutcome.Rejected rejected) {
      throw AccountRoutes.rulesBroken(rejected.broken());
    }
    if (outcome instanceof ResetOutcome.InvalidToken) {
      throw new PortalError(400, "invalid-token", "重設密碼的期限已過或已使用，請重新驗證認證碼。");
    }
    ctx.status(204);
  }

  private void solveCaptcha(PortalHttp.Body body) {
    if (!captchas.solve(body.text("captchaId", 100), body.text("captchaAnswer", 20))) {
      throw new PortalError(400, "captcha", "驗證碼錯誤或已逾時，請重新輸入新的驗證碼。");
    }
  }

  private static String checkedId(String typed) {
    return IdNumber.parse(typed).map(IdNumber::value).orElseThrow(() -> new PortalError(400, "invalid-id-number",
        "身分證字號格式不正確，請重新輸入（英文字母1碼及數字9碼）。"));
  }

  private void limit(Context ctx, String idNumber) {
    if (!requestsPerAddress.tryAcquire(ctx.ip())) {
      throw PortalError.tooMany("申請次數過多，請稍後再試。", requestsPerAddress.retryAfterSeconds(ctx.ip()));
    }
    String key = idNumber.toUpperCase(Locale.ROOT);
    if (!requestsPerId.tryAcquire(key)) {
      throw PortalError.tooMany("此身分證字號的申請次數過多，請稍後再試；已寄出的認證碼24小時內仍有效（以最後一封為準）。",
          requestsPerId.retryAfterSeconds(key));
    }
  }

  private void submit(Runnable work) {
    try {
      background.execute(work);
    } catch (RejectedExecutionException e) {
      throw new PortalError(503, "busy", "系統忙碌中，請稍後再試。");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
