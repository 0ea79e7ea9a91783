package tw.ecpa.portal.nhi.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.function.Supplier;
import tw.ecpa.portal.auth.http.LoginSessions;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.nhi.NhiLogin;

/** The NHI-card login (健保卡登入) over HTTP: the card number the local component read, and the registration password. */
public final class NhiRoutes {

  private final Supplier<NhiLogin> login;
  private final LoginSessions logins;
  private final PortalHttp http;

  /** Creates the routes. */
  public NhiRoutes(Supplier<NhiLogin> login, LoginSessions logins, PortalHttp http) {
    this.login = login;
    this.logins = logins;
    this.http = http;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.post("/api/auth/nhi/login", this::login);
  }

  void login(Context ctx) {
    PortalHttp.Body body = http.body(ctx);
    String card = body.text("cardNumber", 20);
    String password = body.text("password", 100);
    if (card == null || !card.matches("[0-9]{12}") || password == null || password.isEmpty()) {
      throw PortalError.badRequest("請插入健保卡，並輸入健保卡註冊密碼。");
    }
    logins.refuseWhenBlocked(ctx, "此網路位址登入失敗次數過多，請稍後再試。");
    NhiLogin nhi = login.get();
    logins.answer(ctx, nhi.attempt(new NhiLogin.Card(card, password), ctx.ip()), nhi.id());
  }
}
