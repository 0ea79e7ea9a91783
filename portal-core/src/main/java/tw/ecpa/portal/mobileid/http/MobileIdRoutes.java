package tw.ecpa.portal.mobileid.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tw.ecpa.portal.auth.http.LoginSessions;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.mobileid.MobileIdLogin;
import tw.ecpa.portal.mobileid.MobileIdLoginOutcome;
import tw.ecpa.portal.ratelimit.RateLimiter;

/**
 * The mobile natural-person certificate login (行動自然人憑證) over HTTP: start with the ID number,
 * then poll with the transaction id (every 4 s or more) until the phone approves, denies or the
 * transaction expires.
 */
public final class MobileIdRoutes {

  private final Supplier<MobileIdLogin> login;
  private final LoginSessions logins;
  private final RateLimiter startsPerAddress;
  private final RateLimiter failuresPerAddress;
  private final PortalHttp http;

  /**
   * Creates the routes.
   *
   * @param startsPerAddress how many logins a client address may start (each pushes to a phone)
   * @param failuresPerAddress the login failures per address, shared with the other logins
   */
  public MobileIdRoutes(Supplier<MobileIdLogin> login, LoginSessions logins, RateLimiter startsPerAddress,
      RateLimiter failuresPerAddress, PortalHttp http) {
    this.login = login;
    this.logins = logins;
    this.startsPerAddress = startsPerAddress;
    this.failuresPerAddress = failuresPerAddress;
    this.http = http;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.post("/api/auth/mobile-id/start", this::start);
    app.post("/api/auth/mobile-id/poll", this::poll);
  }

  void start(Context ctx) {
    String idNumber = http.body(ctx).text("idNumber", 20);
    if (idNumber == null || idNumber.isBlank()) {
      throw PortalError.badRequest("請輸入身分證字號。");
    }
    if (startsPerAddress.exhausted(ctx.ip()) || failuresPerAddress.exhausted(ctx.ip())) {
      throw PortalError.tooMany("此網路位址登入次數過多，請稍後再試。",
          Math.max(startsPerAddress.retryAfterSeconds(ctx.ip()), failuresPerAddress.retryAfterSeconds(ctx.ip())));
    }
    startsPerAddress.record(ctx.ip());
    MobileIdLoginOutcome outcome = login.get().start(idNumber.strip().toUpperCase(java.util.Locale.ROOT), ctx.ip());
    if (outcome instanceof MobileIdLoginOutcome.Started started) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("transactionId", started.transactionId());
      out.put("expiresAt", started.expiresAt().toString());
      out.put("pollEverySeconds", started.pollEverySeconds());
      out.put("message", started.message());
      ctx.status(202).json(out);
      return;
    }
    refuse(ctx, outcome);
  }

  void poll(Context ctx) {
    String transaction = http.body(ctx).text("transactionId", 100);
    if (transaction == null || transaction.isBlank()) {
      throw PortalError.badRequest("缺少驗證交易編號，請重新登入。");
    }
    MobileIdLoginOutcome outcome = login.get().poll(transaction.strip(), ctx.ip());
    if (outcome instanceof MobileIdLoginOutcome.LoggedIn in) {
      logins.start(ctx, in.account(), in.pending(), MobileIdLogin.METHOD);
      return;
    }
    if (outcome instanceof MobileIdLoginOutcome.Waiting) {
      ctx.status(202).json(Map.of("status", "waiting", "message", outcome.message()));
      return;
    }
    if (outcome instanceof MobileIdLoginOutcome.TooSoon soon) {
      throw PortalError.tooMany(outcome.message(), Math.max(1, (soon.retryAfter().toMillis() + 999) / 1000));
    }
    refuse(ctx, outcome);
  }

  private void refuse(Context ctx, MobileIdLoginOutcome outcome) {
    String code;
    int status;
    if (outcome instanceof MobileIdLoginOutcome.Refused refused) {
      code = refused.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      status = refused.reason() == MobileIdLoginOutcome.Reason.ALREADY_PENDING ? 409
          : refused.reason() == MobileIdLoginOutcome.Reason.SERVICE_ERROR ? 503 : 400;
    } else {
      failuresPerAddress.record(ctx.ip());
      code = outcome instanceof MobileIdLoginOutcome.Denied ? "denied"
          : outcome instanceof MobileIdLoginOutcome.Expired ? "expired"
          : outcome instanceof MobileIdLoginOutcome.Rejected ? "certificate-rejected"
          : outcome instanceof MobileIdLoginOutcome.NotSamePerson ? "not-same-person"
          : outcome instanceof MobileIdLoginOutcome.NotInDatabase ? "not-in-database" : "off-duty";
      status = outcome instanceof MobileIdLoginOutcome.Rejected ? 401
          : outcome instanceof MobileIdLoginOutcome.NotInDatabase || outcome instanceof MobileIdLoginOutcome.OffDuty
              ? 403 : 400;
    }
    throw new PortalError(status, code, outcome.message());
  }
}
