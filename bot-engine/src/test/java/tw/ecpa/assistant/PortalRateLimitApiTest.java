package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The recovery requests' limits per identity number and per client address, over real HTTP. */
class PortalRateLimitApiTest {

  @RegisterExtension
  static final RunningServer server = new RunningServer();

  static PortalClient.Reply forgot(PortalClient client, String idNumber) {
    Map<String, Object> body = new HashMap<>(client.captcha());
    body.put("idNumber", idNumber);
    body.put("email", "someone@mail.gov.tw");
    return client.post("/api/password/forgot", body);
  }

  @Test
  void oneIdNumber_getsFiveRequestsAnHour_thenA429_whileTheAddressMayGoOn_untilItsOwnLimit() {
    PortalClient client = new PortalClient(server);
    for (int i = 0; i < 5; i++) {
      assertEquals(202, forgot(client, "A123456789").status());
    }
    PortalClient.Reply perId = forgot(client, "a123456789");
    assertEquals(429, perId.status());
    assertEquals("too-many-requests", perId.error());
    assertNotNull(perId.retryAfter());

    // Other identity numbers from the same address: 20 requests an hour in all (the one refused above
    // was counted against the address before its identity number was refused).
    String[] others = {"F128705611", "H120987659", "B223451232", "E123456783", "A220912344"};
    int accepted = 0;
    PortalClient.Reply last = null;
    for (int i = 0; i < 20; i++) {
      last = forgot(client, others[i % others.length]);
      if (last.status() == 202) {
        accepted++;
      } else {
        break;
      }
    }
    assertEquals(429, last.status());
    assertEquals(14, accepted);
  }
}
