package tw.ecpa.portal.mobileid.sim.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Supplier;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.mobileid.sim.MobileIdSimulator;

/**
 * The holder's phone for the demo login page (default run only): approve (with the phone's biometrics,
 * here a button) or deny the transaction the page is waiting on.
 */
public final class MobileIdSimulatorRoutes {

  private final Supplier<MobileIdSimulator> phone;
  private final PortalHttp http;

  /** Creates the routes over the simulated service. */
  public MobileIdSimulatorRoutes(Supplier<MobileIdSimulator> phone, PortalHttp http) {
    this.phone = phone;
    this.http = http;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.post("/sim/mobile-id/approve", ctx -> act(ctx, true));
    app.post("/sim/mobile-id/deny", ctx -> act(ctx, false));
  }

  void act(Context ctx, boolean approve) {
    String transaction = http.body(ctx).text("transactionId", 100);
    if (transaction == null || transaction.isBlank()) {
      throw PortalError.badRequest("缺少驗證交易編號。");
    }
    boolean done = approve ? phone.get().approve(transaction.strip()) : phone.get().deny(transaction.strip());
    if (!done) {
      throw new PortalError(404, "no-such-transaction", "手機上沒有等待驗證的交易（可能已逾時或已處理）。");
    }
    ctx.json(Map.of("done", true));
  }
}
