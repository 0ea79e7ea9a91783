package tw.ecpa.portal.certificate.sim.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tw.ecpa.portal.certificate.HicosCode;
import tw.ecpa.portal.certificate.sim.CardResult;
import tw.ecpa.portal.certificate.sim.HicosSimulator;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;

/**
 * The simulated HiCOS component over HTTP, for the demo login page (default run only): which demo
 * cards can be inserted, and signing a challenge with one after its PIN. It answers like the
 * component, with {@code retCode} {@code 0x00000000} or one of the component's codes.
 */
public final class HicosSimulatorRoutes {

  private final Supplier<HicosSimulator> simulator;
  private final PortalHttp http;

  /** Creates the routes over the simulator (built in the background at start-up). */
  public HicosSimulatorRoutes(Supplier<HicosSimulator> simulator, PortalHttp http) {
    this.simulator = simulator;
    this.http = http;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.get("/sim/hicos/pkcs11info", this::info);
    app.post("/sim/hicos/sign", this::sign);
  }

  void info(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("retCode", "0x00000000");
    out.put("reader", HicosSimulator.READER);
    out.put("pinHint", HicosSimulator.DEMO_PIN);
    out.put("cards", simulator.get().cards().stream().map(card -> Map.of("id", card.id(), "label", card.label(),
        "kind", card.kind(), "locked", card.card().locked())).toList());
    ctx.json(out);
  }

  void sign(Context ctx) {
    PortalHttp.Body body = http.body(ctx);
    String cardId = body.text("cardId", 100);
    String pin = body.text("pin", 50);
    String content = body.text("tbs", 200);
    if (content == null || content.isBlank()) {
      throw PortalError.badRequest("缺少要簽章的內容（tbs）。");
    }
    if (pin == null || pin.isEmpty()) {
      throw PortalError.badRequest("請輸入憑證密碼(Pin Code)。");
    }
    Optional<CardResult> result = simulator.get().sign(cardId, pin, content);
    Map<String, Object> out = new LinkedHashMap<>();
    if (result.isEmpty()) {
      out.put("retCode", HicosCode.NO_CARD.hex());
      out.put("message", HicosCode.NO_CARD.message());
    } else if (result.get() instanceof CardResult.Signed signed) {
      out.put("retCode", "0x00000000");
      out.put("signedData", Base64.getEncoder().encodeToString(signed.signedData()));
    } else if (result.get() instanceof CardResult.WrongPin wrong) {
      out.put("retCode", wrong.code().hex());
      out.put("triesLeft", wrong.triesLeft());
      out.put("message", wrong.message());
    } else {
      CardResult.Locked locked = (CardResult.Locked) result.get();
      out.put("retCode", locked.code().hex());
      out.put("pinDetail", String.format("0x%02X", locked.detail()));
      out.put("message", locked.message());
    }
    ctx.json(out);
  }
}
