package tw.ecpa.portal.recovery.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import tw.ecpa.portal.account.http.AccountRoutes;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.ratelimit.RateLimiter;
import tw.ecpa.portal.recovery.PasswordRecovery;
import tw.ecpa.portal.recovery.RecoveryRequests;
import tw.ecpa.portal.recovery.RequestOutcome;
import tw.ecpa.portal.recovery.ResetOutcome;
import tw.ecpa.portal.recovery.VerifyOutcome;

/**
 * 忘記密碼, 重新驗證信箱, 驗證認證碼 and 重設密碼 over HTTP, for people who cannot log in. The two
 * requests that look a person up go through {@link RecoveryRequests}, which answers before the lookup
 * runs: {@code 202} with one fixed body whether or not the data matched anyone.
 */
public final class RecoveryRoutes {

  private final PasswordRecovery recovery;
  private final RecoveryRequests requests;
  private final RateLimiter codeFailuresPerAddress;
  private final PortalHttp http;

  /**
   * Creates the routes.
   *
   * @param codeFailuresPerAddress limits wrong verification codes per client address
   */
  public RecoveryRoutes(PasswordRecovery recovery, RecoveryRequests requests, RateLimiter codeFailuresPerAddress,
      PortalHttp http) {
    this.recovery = recovery;
    this.requests = requests;
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
    answer(ctx, requests.forgot(body.text("idNumber", 20), body.text("email", 300), body.text("captchaId", 100),
        body.text("captchaAnswer", 20), body.flag("sendAccount"), ctx.ip()));
  }

  void reverify(Context ctx) {
    PortalHttp.Body body = http.body(ctx);
    answer(ctx, requests.reverify(body.text("idNumber", 20), body.text("birthday", 20),
        body.text("onDutyDate", 20), body.text("email", 300), body.text("captchaId", 100),
        body.text("captchaAnswer", 20), ctx.ip()));
  }

  private static void answer(Context ctx, RequestOutcome outcome) {
    if (outcome instanceof RequestOutcome.Accepted accepted) {
      ctx.status(202).json(Map.of("message", accepted.message()));
    } else if (outcome instanceof RequestOutcome.Invalid invalid) {
      String code = switch (invalid.problem()) {
        case MISSING -> "bad-request";
        case CAPTCHA -> "captcha";
        case ID_NUMBER -> "invalid-id-number";
        case EMAIL -> "invalid-email";
        case DATE -> "invalid-date";
      };
      throw new PortalError(400, code, invalid.message());
    } else if (outcome instanceof RequestOutcome.TooMany tooMany) {
      throw PortalError.tooMany(tooMany.message(), tooMany.retryAfterSeconds());
    } else {
      throw new PortalError(503, "busy", outcome.message());
    }
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

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
