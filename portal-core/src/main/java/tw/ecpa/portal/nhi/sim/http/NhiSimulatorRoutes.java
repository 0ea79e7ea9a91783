package tw.ecpa.portal.nhi.sim.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import tw.ecpa.portal.demo.DemoData;
import tw.ecpa.portal.nhi.sim.NhiSimulator;

/**
 * The NHI card reader of the demo login page (default run only): the demo cards it can "insert", as
 * the NHI local component would report the card number of the card in the reader.
 */
public final class NhiSimulatorRoutes {

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.get("/sim/nhi/cards", this::cards);
  }

  void cards(Context ctx) {
    ctx.json(Map.of("passwordHint", NhiSimulator.DEMO_CARDS.get(0).password(),
        "cards", NhiSimulator.DEMO_CARDS.stream().map(card -> Map.of("cardNumber", card.cardNumber(),
            "label", "健保卡：" + DemoData.ACCOUNTS.stream().filter(a -> a.idNumber().equals(card.idNumber()))
                .map(DemoData.DemoAccount::name).findFirst().orElse("") + "（" + card.idNumber().substring(0, 5)
                + "*****）" + (card.password() == null ? "（未註冊）" : ""))).toList()));
  }
}
