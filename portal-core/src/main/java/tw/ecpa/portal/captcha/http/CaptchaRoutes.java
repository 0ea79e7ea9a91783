package tw.ecpa.portal.captcha.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import tw.ecpa.portal.captcha.Captchas;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.ratelimit.RateLimiter;

/**
 * {@code GET /api/captcha} of {@code ../shared/docs/portal-api.md}: a fresh captcha as
 * {@code {"captchaId", "image"}}, the image a PNG data URL. With {@code revealAnswer} (the server's
 * {@code CAPTCHA_MODE=test}, which the composition root allows on loopback only) the answer is
 * added as {@code "answer"} for automated tests. The forms that need a captcha check it with
 * {@link Captchas#solve} themselves.
 */
public final class CaptchaRoutes {

  private final Captchas captchas;
  private final boolean revealAnswer;
  private final RateLimiter perAddress;

  /**
   * Creates the route over the captchas; {@code revealAnswer} only for the test mode. Each captcha is
   * a stored row, so {@code perAddress} bounds how many one client address may ask for.
   */
  public CaptchaRoutes(Captchas captchas, boolean revealAnswer, RateLimiter perAddress) {
    this.captchas = captchas;
    this.revealAnswer = revealAnswer;
    this.perAddress = perAddress;
  }

  /** Registers the route on an app. */
  public void register(Javalin app) {
    app.get("/api/captcha", this::issue);
  }

  void issue(Context ctx) {
    if (!perAddress.tryAcquire(ctx.ip())) {
      throw PortalError.tooMany("驗證碼索取次數過多，請稍後再試。", perAddress.retryAfterSeconds(ctx.ip()));
    }
    Captchas.Issued issued = captchas.issue();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("captchaId", issued.id());
    out.put("image", issued.dataUrl());
    if (revealAnswer) {
      out.put("answer", issued.answer());
    }
    // Every request is a new captcha: nothing on the way may keep or replay one.
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }
}
