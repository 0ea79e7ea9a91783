package tw.ecpa.portal.mobileid.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.function.Supplier;
import tw.ecpa.portal.auth.http.LoginSessions;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.mobileid.MobileIdLogin;
import tw.ecpa.portal.ratelimit.RateLimiter;

/**
 * The mobile natural-person certificate login (行動自然人憑證) over HTTP: start with the ID number,
 * then poll with the transaction id (every 4 s or more) until the phone approves, denies or the
 * transaction expires.
 */
public final class MobileIdRoutes {

  private final Supplier<MobileIdLogin> login;
  private static final String TOO_MANY = "此網路位址登入次數過多，請稍後再試。";

  private final LoginSessions logins;
  private final RateLimiter startsPerAddress;
  private final PortalHttp http;

  /**
   * Creates the routes.
   *
   * @param startsPerAddress how many logins a client address may start (each pushes to a phone)
   */
  public MobileIdRoutes(Supplier<MobileIdLogin> login, LoginSessions logins, RateLimiter startsPerAddress,
      PortalHttp http) {
    this.login = login;
    this.logins = logins;
    this.startsPerAddress = startsPerAddress;
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
    if (startsPerAddress.exhausted(ctx.ip())) {
      throw PortalError.tooMany(TOO_MANY, startsPerAddress.retryAfterSeconds(ctx.ip()));
    }
    logins.refuseWhenBlocked(ctx, TOO_MANY);
    startsPerAddress.record(ctx.ip());
    MobileIdLogin mobile = login.get();
    logins.answer(ctx, mobile.attemptStart(idNumber.strip().toUpperCase(java.util.Locale.ROOT), ctx.ip()),
        mobile.id());
  }

  void poll(Context ctx) {
    String transaction = http.body(ctx).text("transactionId", 100);
    if (transaction == null || transaction.isBlank()) {
      throw PortalError.badRequest("缺少驗證交易編號，請重新登入。");
    }
    MobileIdLogin mobile = login.get();
    logins.answer(ctx, mobile.attempt(transaction.strip(), ctx.ip()), mobile.id());
  }
}
