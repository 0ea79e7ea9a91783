package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.portal.testing.MovableClock;

/**
 * 應用系統 over HTTP: categories A-H with 我的最愛 first, the default favourites of new staff, the heart,
 * the keyword search, and systems greyed by login method: personal data closed to a password session,
 * other people's records (WebHR) closed to an NHI-card session, everything open to the citizen and the
 * mobile citizen certificate.
 */
class AppsApiTest {

  static final Set<String> DEFAULTS = Set.of("mydata", "d6", "dk", "km", "travel-card", "dl1", "dlw");

  static final MovableClock CLOCK = new MovableClock(MovableClock.WORKING_MORNING);
  @RegisterExtension
  static final RunningServer server = new RunningServer().clock(CLOCK);

  static PortalClient loggedIn(String account, String password) {
    PortalClient client = new PortalClient(server);
    assertEquals(200, client.login(account, password).status());
    return client;
  }

  static JsonNode apps(PortalClient client, String query) {
    PortalClient.Reply reply = client.get("/api/portal/apps" + query);
    assertEquals(200, reply.status(), String.valueOf(reply.body()));
    return reply.body();
  }

  /** The ids of the systems in one category of a listing. */
  static Set<String> idsIn(JsonNode listing, String category) {
    for (JsonNode c : listing.get("categories")) {
      if (c.get("code").asText().equals(category)) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        c.get("systems").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
      }
    }
    throw new AssertionError("no category " + category + " in " + listing);
  }

  /** A system as listed in its own category (not in 我的最愛). */
  static JsonNode system(JsonNode listing, String id) {
    for (JsonNode c : listing.get("categories")) {
      for (JsonNode s : c.get("systems")) {
        if (s.get("id").asText().equals(id) && !c.get("code").asText().equals("A")) {
          return s;
        }
      }
    }
    throw new AssertionError("no system " + id);
  }

  @Test
  void passwordSession_seesTheSeedsCategories_theDefaultSet_andPersonalDataSystemsGreyedWithTheReason() {
    JsonNode listing = apps(loggedIn("wangxm", "Wang-Demo2026!"), "");
    List<String> codes = new ArrayList<>();
    listing.get("categories").forEach(c -> codes.add(c.get("code").asText() + " " + c.get("name").asText()));
    assertEquals(List.of("A 我的最愛系統", "B 人事資料填報及考核", "C 人事資料服務", "D 機關設定及申請", "E 其他人事總處業務",
        "F 人事總處暨所屬機關", "G 非人事總處機關及系統", "H 測試應用系統"), codes);
    assertEquals(DEFAULTS, idsIn(listing, "A"));
    assertEquals("password", listing.get("loginMethod").asText());
    assertTrue(listing.get("note").asText().contains("反灰"));

    JsonNode mydata = system(listing, "mydata");
    assertTrue(mydata.get("favourite").asBoolean());
    assertFalse(mydata.get("available").asBoolean());
    assertTrue(mydata.get("reason").asText().contains("您目前以帳號密碼登入"), mydata.toString());
    JsonNode webhr = system(listing, "webhr");
    assertFalse(webhr.get("available").asBoolean());
    assertTrue(webhr.get("reason").asText().contains("自然人憑證"), webhr.toString());
    JsonNode d6 = system(listing, "d6");
    assertEquals("D6:終身學習入口網", d6.get("title").asText());
    assertTrue(d6.get("available").asBoolean());
    assertFalse(d6.hasNonNull("reason"));
    assertTrue(d6.get("keywords").toString().contains("學習時數"));
    assertTrue(d6.get("url").asText().startsWith("https://"));
  }

  @Test
  void cardSession_opensWhatThePasswordSessionSeesGreyed() {
    PortalClient card = new PortalClient(server);
    PortalClient.Reply signed = CertificateLoginApiTest.login(card, "moica", "moica-h7659");
    assertEquals(200, signed.status(), String.valueOf(signed.body()));
    if (signed.body().has("ticket")) {
      assertEquals(200, card.post("/api/auth/moica/bind",
          Map.of("ticket", signed.body().get("ticket").asText(), "account", "chouzm")).status());
    }
    JsonNode byCard = apps(card, "");
    assertEquals("moica", byCard.get("loginMethod").asText());
    for (String id : List.of("mydata", "webhr", "webhrohr", "d6")) {
      JsonNode s = system(byCard, id);
      assertTrue(s.get("available").asBoolean(), s.toString());
      assertFalse(s.hasNonNull("reason"));
    }
    JsonNode byPassword = apps(loggedIn("chouzm", "Chou-Demo2026!"), "");
    assertFalse(system(byPassword, "webhr").get("available").asBoolean(), "same person, password login");
  }

  @Test
  void nhiCardSession_opensOwnDataButNotWebHr_andTheMobileCertificateOpensBoth() {
    PortalClient nhi = new PortalClient(server);
    assertEquals(200, nhi.post("/api/auth/nhi/login", Map.of("cardNumber", "000011110006", "password", "Nhi-Demo2026"))
        .status());
    JsonNode byNhi = apps(nhi, "");
    assertEquals("nhi", byNhi.get("loginMethod").asText());
    assertTrue(system(byNhi, "mydata").get("available").asBoolean(), "one's own data: 健保卡 will do");
    JsonNode webhr = system(byNhi, "webhr");
    assertFalse(webhr.get("available").asBoolean(), webhr.toString());
    assertTrue(webhr.get("reason").asText().contains("您目前以健保卡登入"), webhr.toString());

    PortalClient phone = new PortalClient(server);
    PortalClient.Reply started = phone.post("/api/auth/mobile-id/start", Map.of("idNumber", "F128705611"));
    assertEquals(202, started.status(), String.valueOf(started.body()));
    String transaction = started.body().get("transactionId").asText();
    assertEquals(200, phone.post("/sim/mobile-id/approve", Map.of("transactionId", transaction)).status());
    CLOCK.advance(java.time.Duration.ofSeconds(4));
    assertEquals(200, phone.post("/api/auth/mobile-id/poll", Map.of("transactionId", transaction)).status());
    JsonNode byPhone = apps(phone, "");
    assertEquals("mobile-id", byPhone.get("loginMethod").asText());
    for (String id : List.of("mydata", "webhr", "webhrohr")) {
      assertTrue(system(byPhone, id).get("available").asBoolean(), id);
    }
  }

  @Test
  void favourites_heartAddsAndRemoves_keptAcrossSessions_unknownIs404_csrfRequired() {
    PortalClient hr = loggedIn("hrchang", "Hr-Demo2026!");
    Set<String> before = idsIn(apps(hr, ""), "A");
    assertTrue(before.containsAll(DEFAULTS) && before.contains("webhr"), "the demo HR officer's favourites: " + before);

    PortalClient.Reply added = hr.send("PUT", "/api/portal/apps/favourites/webhrpsn", null);
    assertEquals(200, added.status(), String.valueOf(added.body()));
    assertTrue(added.body().get("favourite").asBoolean());
    assertEquals(200, hr.send("PUT", "/api/portal/apps/favourites/webhrpsn", null).status(), "idempotent");
    PortalClient removed = loggedIn("hrchang", "Hr-Demo2026!");
    assertTrue(idsIn(apps(removed, ""), "A").contains("webhrpsn"), "kept for the next session");

    PortalClient.Reply off = removed.send("DELETE", "/api/portal/apps/favourites/d6", null);
    assertEquals(200, off.status());
    assertFalse(off.body().get("favourite").asBoolean());
    assertFalse(idsIn(apps(hr, ""), "A").contains("d6"));
    assertFalse(system(apps(hr, ""), "d6").get("favourite").asBoolean());

    PortalClient.Reply unknown = hr.send("PUT", "/api/portal/apps/favourites/no-such-system", null);
    assertEquals(404, unknown.status());
    assertEquals("unknown-system", unknown.error());
    assertEquals(404, hr.send("DELETE", "/api/portal/apps/favourites/" + "x".repeat(300), null).status());

    hr.dropCsrf();
    PortalClient.Reply forged = hr.send("DELETE", "/api/portal/apps/favourites/webhr", null);
    assertEquals(403, forged.status());
    assertEquals("csrf", forged.error());
    assertTrue(idsIn(apps(removed, ""), "A").contains("webhr"));
  }

  @Test
  void search_webhr_findsTheWebHrSystems_caseInsensitive_andRefusesOverlongText() {
    PortalClient client = loggedIn("wangxm", "Wang-Demo2026!");
    JsonNode found = apps(client, "?q=webhr");
    List<String> titles = new ArrayList<>();
    found.get("results").forEach(s -> titles.add(s.get("title").asText()));
    assertEquals(Set.of("WebHR人力資源管理資訊系統", "WebHROHR:行政院人事派免作業系統", "WebHRPSN:人事人員管理資訊系統",
        "主計人員版WebHR系統"), Set.copyOf(titles));
    assertEquals(4, found.get("count").asInt());
    assertEquals("webhr", found.get("query").asText());
    found.get("categories").forEach(c -> assertFalse(c.get("code").asText().equals("A")));
    assertEquals(found.get("results"), apps(client, "?q=WebHR").get("results"));
    assertEquals(List.of("travel-card"), ids(apps(client, "?q=%E5%9C%8B%E6%97%85%E5%8D%A1").get("results")), "國旅卡");
    assertEquals(0, apps(client, "?q=zzzz").get("count").asInt());

    PortalClient.Reply tooLong = client.get("/api/portal/apps?q=" + "a".repeat(51));
    assertEquals(400, tooLong.status());
    assertTrue(tooLong.body().get("message").asText().contains("50"));
    assertEquals(401, new PortalClient(server).get("/api/portal/apps").status());
  }

  @Test
  void mobileDevice_greysSystemsNotSuitedToIt_withTheSeedsWords() throws Exception {
    PortalClient client = loggedIn("wangxm", "Wang-Demo2026!");
    HttpResponse<String> phone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.base() + "/api/portal/apps"))
        .header("Cookie", client.cookie())
        .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148")
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, phone.statusCode());
    JsonNode listing = new ObjectMapper().readTree(phone.body());
    assertEquals("mobile", listing.get("device").asText());
    JsonNode webhr = system(listing, "webhr");
    assertFalse(webhr.get("mobileFriendly").asBoolean());
    assertTrue(webhr.get("reason").asText().contains("尚不適合使用行動裝置操作"), webhr.toString());
    assertTrue(system(listing, "d6").get("available").asBoolean());
    assertEquals("desktop", apps(client, "").get("device").asText());
  }

  @Test
  void organizationCertificateSession_isTurnedAway() {
    PortalClient gca = new PortalClient(server);
    assertEquals(200, CertificateLoginApiTest.login(gca, "gca", "gca-376480000a").status());
    PortalClient.Reply refused = gca.get("/api/portal/apps");
    assertEquals(403, refused.status());
    assertEquals("organization-session", refused.error());
  }

  static List<String> ids(JsonNode systems) {
    List<String> out = new ArrayList<>();
    systems.forEach(s -> out.add(s.get("id").asText()));
    return out;
  }
}
