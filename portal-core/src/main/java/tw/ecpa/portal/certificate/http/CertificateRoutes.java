package tw.ecpa.portal.certificate.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tw.ecpa.portal.auth.http.LoginSessions;
import tw.ecpa.portal.certificate.CertificateLogin;
import tw.ecpa.portal.certificate.CertificateVerifier;
import tw.ecpa.portal.certificate.Challenges;
import tw.ecpa.portal.certificate.OrganizationLogin;
import tw.ecpa.portal.certificate.RenewalOutcome;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.security.Secrets;
import tw.ecpa.portal.session.http.SessionGuard.Access;
import tw.ecpa.portal.session.http.SessionGuard;

/**
 * Certificate logins over HTTP: a challenge, the card's signature over it (CMS SignedData, base64),
 * and for a citizen certificate used the first time, the custom account or ID number it binds to.
 * The organization certificate opens an organization session. A logged-in user binds a renewed card.
 */
public final class CertificateRoutes {

  /** Base64 of the largest signed data the verifier takes. */
  private static final int MAX_SIGNED_DATA = CertificateVerifier.MAX_SIZE * 4 / 3 + 8;

  private final Challenges challenges;
  private final Supplier<CertificateLogin> citizen;
  private final Supplier<OrganizationLogin> organization;
  private final LoginSessions logins;
  private final SessionGuard guard;
  private final PortalHttp http;

  /**
   * Creates the routes.
   *
   * @param citizen the citizen-certificate login, asked for when first used (its trust anchors may
   *     still be loading at start-up)
   */
  public CertificateRoutes(Challenges challenges, Supplier<CertificateLogin> citizen,
      Supplier<OrganizationLogin> organization, LoginSessions logins, SessionGuard guard,
      PortalHttp http) {
    this.challenges = challenges;
    this.citizen = citizen;
    this.organization = organization;
    this.logins = logins;
    this.guard = guard;
    this.http = http;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.post("/api/auth/moica/challenge", this::challenge);
    app.post("/api/auth/gca/challenge", this::challenge);
    app.post("/api/auth/moica/login", this::citizenLogin);
    app.post("/api/auth/moica/bind", this::bind);
    app.post("/api/auth/gca/login", this::organizationLogin);
    app.post("/api/me/certificates", this::renew);
  }

  void challenge(Context ctx) {
    Challenges.Challenge challenge = challenges.issue();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("challengeId", Secrets.sha256(challenge.value()).substring(0, 16));
    out.put("challenge", challenge.value());
    out.put("expiresAt", challenge.expiresAt().toString());
    ctx.json(out);
  }

  void citizenLogin(Context ctx) {
    byte[] signed = signedData(ctx);
    notTooMany(ctx);
    CertificateLogin login = citizen.get();
    logins.answer(ctx, login.attempt(signed, ctx.ip()), login.id());
  }

  void bind(Context ctx) {
    PortalHttp.Body body = http.body(ctx);
    String ticket = body.text("ticket", 100);
    String account = body.text("account", 100);
    if (ticket == null || ticket.isBlank() || account == null || account.isBlank()) {
      throw PortalError.badRequest("請輸入人事服務網之自訂帳號（如無自訂帳號者則請輸入身分證號）。");
    }
    notTooMany(ctx);
    CertificateLogin login = citizen.get();
    logins.answer(ctx, login.attemptBinding(ticket, account.strip(), ctx.ip()), login.id());
  }

  void organizationLogin(Context ctx) {
    byte[] signed = signedData(ctx);
    notTooMany(ctx);
    OrganizationLogin login = organization.get();
    logins.answer(ctx, login.attempt(signed, ctx.ip()), login.id());
  }

  void renew(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE);
    byte[] signed = signedData(ctx);
    RenewalOutcome outcome = citizen.get().bindRenewed(caller.account().id(), signed, ctx.ip());
    if (outcome instanceof RenewalOutcome.Bound bound) {
      ctx.json(Map.of("bound", true, "holderName", bound.certificate().holderName(),
          "notAfter", bound.certificate().notAfter().toString(), "message", outcome.message()));
      return;
    }
    throw new PortalError(outcome instanceof RenewalOutcome.AlreadyBound ? 409 : 400,
        outcome instanceof RenewalOutcome.AlreadyBound ? "already-bound"
            : outcome instanceof RenewalOutcome.NotSamePerson ? "not-same-person" : "certificate-rejected",
        outcome.message());
  }

  private byte[] signedData(Context ctx) {
    String text = http.body(ctx).text("signedData", MAX_SIGNED_DATA);
    if (text == null || text.isBlank()) {
      throw PortalError.badRequest("請插入憑證卡片並輸入憑證密碼(Pin Code)後，再按【登入】。");
    }
    try {
      return Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw PortalError.badRequest("憑證簽章資料格式不正確，請重新登入。");
    }
  }

  private void notTooMany(Context ctx) {
    logins.refuseWhenBlocked(ctx, "此網路位址登入失敗次數過多，請稍後再試。");
  }
}
