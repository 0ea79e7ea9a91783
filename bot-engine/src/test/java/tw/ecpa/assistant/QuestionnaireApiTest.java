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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.portal.testing.MovableClock;

/**
 * 問卷管理 and 待辦事項 over real HTTP with the demo accounts: hrchang (HR officer of 行政院人事行政總處,
 * also 人事總處問卷統計), wangxm (employee there) and chouzm (employee of 人事資訊處, under it).
 */
class QuestionnaireApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final MovableClock CLOCK = new MovableClock(MovableClock.WORKING_MORNING);
  @RegisterExtension
  static final RunningServer server = new RunningServer().clock(CLOCK);

  static PortalClient login(String account, String password) {
    PortalClient client = new PortalClient(server);
    assertEquals(200, client.login(account, password).status());
    return client;
  }

  static PortalClient hr() {
    return login("hrchang", "Hr-Demo2026!");
  }

  static PortalClient wang() {
    return login("wangxm", "Wang-Demo2026!");
  }

  static PortalClient chou() {
    return login("chouzm", "Chou-Demo2026!");
  }

  static PortalClient.Reply put(PortalClient client, String path, Map<String, ?> body) {
    try {
      return client.send("PUT", path, JSON.writeValueAsString(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Map<String, Object>> questions() {
    return List.of(
        Map.of("key", "q1", "kind", "single", "title", "您使用 eCPA 的頻率？", "required", true,
            "options", List.of("每天", "每週", "很少")),
        Map.of("key", "q2", "kind", "multiple", "title", "常用登入方式", "required", false,
            "options", List.of("帳號密碼", "自然人憑證", "健保卡")),
        Map.of("key", "q3", "kind", "text", "title", "其他建議", "required", true),
        Map.of("key", "q4", "kind", "rating", "title", "滿意度", "required", false, "scale", 5));
  }

  static long draft(PortalClient hr, String title) {
    PortalClient.Reply created = hr.post("/api/portal/questionnaires",
        Map.of("title", title, "description", "請撥冗填寫", "questions", questions()));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    assertEquals("draft", created.body().get("status").asText());
    return created.body().get("id").asLong();
  }

  static long group(PortalClient hr, Map<String, ?> body) {
    PortalClient.Reply g = hr.post("/api/portal/questionnaires/groups", body);
    assertEquals(201, g.status(), String.valueOf(g.body()));
    return g.body().get("id").asLong();
  }

  static PortalClient.Reply publish(PortalClient hr, long id, long group, Instant opens, Instant closes) {
    return hr.post("/api/portal/questionnaires/" + id + "/publish",
        Map.of("groupId", group, "opensAt", opens.toString(), "closesAt", closes.toString()));
  }

  static int pendingCount(PortalClient client) {
    PortalClient.Reply pending = client.get("/api/portal/questionnaires/pending");
    assertEquals(200, pending.status());
    assertEquals(pending.body().get("count").asInt(), pending.body().get("items").size());
    return pending.body().get("count").asInt();
  }

  @Test
  void lifecycle_draftPublishedAnswered_oneResponsePerPersonAndResultsAndCsv() throws Exception {
    PortalClient hr = hr();
    long id = draft(hr, "數位治理問卷" + System.nanoTime());
    // Drafts change and reorder.
    PortalClient.Reply reordered = hr.post("/api/portal/questionnaires/" + id + "/order",
        Map.of("keys", List.of("q3", "q1", "q2", "q4")));
    assertEquals(200, reordered.status(), String.valueOf(reordered.body()));
    assertEquals("q3", reordered.body().get("questions").get(0).get("key").asText());
    PortalClient wang = wang();
    int before = pendingCount(wang);

    long everyone = group(hr, Map.of("name", "總處全體", "kind", "organization"));
    PortalClient.Reply published = publish(hr, id, everyone, CLOCK.instant().minusSeconds(60),
        CLOCK.instant().plus(Duration.ofDays(2)));
    assertEquals(200, published.status(), String.valueOf(published.body()));
    assertEquals("published", published.body().get("status").asText());
    assertTrue(published.body().get("respondents").asInt() >= 2, "hrchang and wangxm at least");

    // Published questions no longer change, and it is published once.
    PortalClient.Reply edit = put(hr, "/api/portal/questionnaires/" + id, Map.of("title", "改名", "questions", questions()));
    assertEquals(409, edit.status());
    assertEquals("questionnaire-published", edit.error());
    assertEquals(409, hr.post("/api/portal/questionnaires/" + id + "/order",
        Map.of("keys", List.of("q1", "q2", "q3", "q4"))).status());
    assertEquals(409, publish(hr, id, everyone, CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(1))).status());

    // The employee sees one more 待填問卷 and a to-do linking to the fill-in page.
    assertEquals(before + 1, pendingCount(wang));
    PortalClient.Reply todos = wang.get("/api/portal/todos");
    assertEquals(200, todos.status());
    boolean linked = false;
    for (JsonNode t : todos.body().get("items")) {
      linked |= t.path("link").asText().equals("/questionnaires/fill.html?id=" + id)
          && t.get("subject").asText().startsWith("填寫問卷：");
    }
    assertTrue(linked, todos.body().toString());

    // 下次再填: a partial draft is kept and comes back.
    String path = "/api/portal/questionnaires/" + id + "/response";
    PortalClient.Reply saved = put(wang, path, Map.of("answers", Map.of("q1", "每週", "q2", List.of("健保卡", "帳號密碼"))));
    assertEquals(200, saved.status(), String.valueOf(saved.body()));
    assertFalse(saved.body().get("submitted").asBoolean());
    PortalClient again = wang();
    JsonNode form = again.get(path).body();
    assertEquals("每週", form.get("answers").get("q1").get(0).asText());
    assertEquals(2, form.get("answers").get("q2").size());
    assertFalse(form.get("submitted").asBoolean());

    // Submitting checks the required questions and the options.
    PortalClient.Reply missing = again.post(path + "/submit", Map.of("answers", Map.of("q1", "每週")));
    assertEquals(400, missing.status());
    assertEquals("q3", missing.body().get("questions").get(0).asText());
    assertEquals(400, again.post(path + "/submit", Map.of("answers", Map.of("q1", "每月", "q3", "x"))).status());
    PortalClient.Reply submitted = again.post(path + "/submit", Map.of("answers",
        Map.of("q1", "每週", "q2", List.of("健保卡"), "q3", "建議, 請加 \"快速登入\"", "q4", 4)));
    assertEquals(200, submitted.status(), String.valueOf(submitted.body()));
    assertTrue(submitted.body().get("submitted").asBoolean());
    assertEquals(before, pendingCount(again));

    // One response per person: neither a second submit nor a draft changes it.
    assertEquals("already-submitted", again.post(path + "/submit", Map.of("answers", Map.of("q1", "每天", "q3", "x"))).error());
    assertEquals(409, put(again, path, Map.of("answers", Map.of("q1", "每天"))).status());

    // Results count the submitted response; the CSV has the BOM, the titles and the quoted text.
    JsonNode results = hr.get("/api/portal/questionnaires/" + id + "/results").body();
    assertEquals(1, results.get("submitted").asInt());
    JsonNode q1 = results.get("questions").get(1);
    assertEquals("q1", q1.get("key").asText());
    assertEquals("每週", q1.get("counts").get(1).get("label").asText());
    assertEquals(1, q1.get("counts").get(1).get("count").asInt());
    assertEquals(100.0, q1.get("counts").get(1).get("percent").asDouble());
    assertEquals(0, q1.get("counts").get(0).get("count").asInt());
    assertEquals("建議, 請加 \"快速登入\"", results.get("questions").get(0).get("texts").get(0).asText());

    HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.base() + "/api/portal/questionnaires/" + id + "/results.csv"))
        .header("Cookie", hr.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    byte[] bytes = csv.body();
    assertEquals((byte) 0xEF, bytes[0]);
    assertEquals((byte) 0xBB, bytes[1]);
    assertEquals((byte) 0xBF, bytes[2]);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertEquals("其他建議,您使用 eCPA 的頻率？,常用登入方式,滿意度\r\n"
        + "\"建議, 請加 \"\"快速登入\"\"\",每週,健保卡,4\r\n", text);

    // The employee cannot read results.
    assertEquals(403, wang.get("/api/portal/questionnaires/" + id + "/results").status());
  }

  @Test
  void groups_byOrganizationAndByList_reachOnlyTheirPeople() {
    PortalClient hr = hr();
    PortalClient wang = wang();
    PortalClient chou = chou();
    int wangBefore = pendingCount(wang);
    int chouBefore = pendingCount(chou);

    long byList = group(hr, Map.of("name", "資訊處名單", "kind", "list", "idNumbers", List.of("H120987659")));
    long listed = draft(hr, "名單問卷");
    assertEquals(200, publish(hr, listed, byList, CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(1))).status());
    assertEquals(chouBefore + 1, pendingCount(chou));
    assertEquals(wangBefore, pendingCount(wang));
    assertEquals(404, wang.get("/api/portal/questionnaires/" + listed + "/response").status());

    long byOrganization = group(hr, Map.of("name", "總處", "kind", "organization", "organizationCode", "376480000A"));
    long organizationWide = draft(hr, "機關問卷");
    assertEquals(200, publish(hr, organizationWide, byOrganization, CLOCK.instant(),
        CLOCK.instant().plus(Duration.ofDays(1))).status());
    assertEquals(wangBefore + 1, pendingCount(wang));
    assertEquals(chouBefore + 1, pendingCount(chou), "人事資訊處 is another organization");

    // Unknown people and employees without the HR role are refused.
    assertEquals(400, hr.post("/api/portal/questionnaires/groups",
        Map.of("name", "錯誤", "kind", "list", "idNumbers", List.of("A100000001"))).status());
    assertEquals(403, chou.post("/api/portal/questionnaires/groups", Map.of("name", "x", "kind", "organization")).status());
    assertEquals(403, chou.post("/api/portal/questionnaires", Map.of("title", "x")).status());
  }

  @Test
  void closingTime_closesTheQuestionnaireWithAClearMessage() {
    PortalClient hr = hr();
    long group = group(hr, Map.of("name", "總處截止", "kind", "organization"));
    long id = draft(hr, "即將截止問卷");
    assertEquals(200, publish(hr, id, group, CLOCK.instant(), CLOCK.instant().plus(Duration.ofHours(1))).status());
    PortalClient wang = wang();
    String path = "/api/portal/questionnaires/" + id + "/response";
    assertEquals(200, put(wang, path, Map.of("answers", Map.of("q1", "每天"))).status());

    CLOCK.advance(Duration.ofHours(2));
    PortalClient late = wang();
    PortalClient.Reply form = late.get(path);
    assertEquals(410, form.status());
    assertEquals("questionnaire-closed", form.error());
    assertTrue(form.body().get("message").asText().contains("截止填答"), form.body().toString());
    assertEquals(410, late.post(path + "/submit", Map.of("answers", Map.of("q1", "每天", "q3", "x"))).status());
    JsonNode pending = late.get("/api/portal/questionnaires/pending").body();
    pending.get("items").forEach(item -> assertFalse(item.get("id").asLong() == id));
  }

  @Test
  void matrix_scoresEveryRowAndResultsPerRow() {
    PortalClient hr = hr();
    PortalClient.Reply created = hr.post("/api/portal/questionnaires", Map.of("title", "矩陣問卷", "questions",
        List.of(Map.of("key", "m", "kind", "matrix", "title", "服務滿意度", "required", true,
            "options", List.of("登入", "查詢"), "scale", 4))));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    assertEquals("matrix", created.body().get("questions").get(0).get("kind").asText());
    long id = created.body().get("id").asLong();
    long group = group(hr, Map.of("name", "矩陣群組", "kind", "list", "idNumbers", List.of("A123456789")));
    assertEquals(200, publish(hr, id, group, CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(1))).status());
    PortalClient wang = wang();
    String path = "/api/portal/questionnaires/" + id + "/response";
    assertEquals("m", wang.post(path + "/submit", Map.of("answers", Map.of("m", List.of("0:4")))).body()
        .get("questions").get(0).asText());
    assertEquals(400, wang.post(path + "/submit", Map.of("answers", Map.of("m", List.of("0:5", "1:1")))).status());
    assertEquals(200, wang.post(path + "/submit", Map.of("answers", Map.of("m", List.of("0:4", "1:2")))).status());
    JsonNode rows = hr.get("/api/portal/questionnaires/" + id + "/results").body().get("questions").get(0).get("rows");
    assertEquals("登入", rows.get(0).get("label").asText());
    assertEquals(4.0, rows.get(0).get("average").asDouble());
    assertEquals(1, rows.get(1).get("counts").get(1).get("count").asInt());
  }

  @Test
  void templates_saveAndStartFrom() {
    PortalClient hr = hr();
    long id = draft(hr, "範本來源");
    PortalClient.Reply template = hr.post("/api/portal/questionnaires/" + id + "/template", Map.of());
    assertEquals(201, template.status());
    assertEquals("template", template.body().get("status").asText());
    long templateId = template.body().get("id").asLong();
    JsonNode templates = hr.get("/api/portal/questionnaires?status=template").body().get("items");
    boolean listed = false;
    for (JsonNode t : templates) {
      listed |= t.get("id").asLong() == templateId;
    }
    assertTrue(listed);
    PortalClient.Reply started = hr.post("/api/portal/questionnaires", Map.of("title", "由範本新增", "fromTemplate", templateId));
    assertEquals(201, started.status(), String.valueOf(started.body()));
    assertEquals("draft", started.body().get("status").asText());
    assertEquals(4, started.body().get("questions").size(), "the template's questions");
    assertEquals(400, hr.post("/api/portal/questionnaires/" + templateId + "/publish",
        Map.of("groupId", 1, "opensAt", "2026-12-01T09:00", "closesAt", "2026-12-02T09:00")).status());
  }

  @Test
  void statistics_onlyForTheHeadquartersRole() {
    PortalClient hr = hr();
    PortalClient.Reply stats = hr.get("/api/portal/questionnaires/statistics");
    assertEquals(200, stats.status());
    assertTrue(stats.body().get("items").isArray());
    assertEquals(403, wang().get("/api/portal/questionnaires/statistics").status());
  }

  @Test
  void correctEmployeeEmail_ownOrganizationOnly() {
    PortalClient hr = hr();
    PortalClient.Reply corrected = put(hr, "/api/hr/employees/A123456789/email", Map.of("email", "wang.new@demo.ecpa.test"));
    assertEquals(200, corrected.status(), String.valueOf(corrected.body()));
    assertEquals("wa***@demo.ecpa.test", corrected.body().get("email").asText());
    assertEquals(403, put(hr, "/api/hr/employees/H120987659/email", Map.of("email", "c@demo.ecpa.test")).status());
    assertEquals(400, put(hr, "/api/hr/employees/A123456789/email", Map.of("email", "not-an-address")).status());
    assertEquals(404, put(hr, "/api/hr/employees/A100000001/email", Map.of("email", "a@demo.ecpa.test")).status());
    assertEquals(403, put(wang(), "/api/hr/employees/A123456789/email", Map.of("email", "a@demo.ecpa.test")).status());
  }

  @Test
  void todos_windowPagingAddAndComplete() {
    PortalClient wang = wang();
    LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("Asia/Taipei"));
    JsonNode home = wang.get("/api/portal/todos").body();
    assertEquals(today.minusDays(1).toString(), home.get("from").asText());
    assertEquals(today.plusDays(1).toString(), home.get("to").asText());
    assertEquals(today.plusDays(2).toString(), home.get("nextFrom").asText());
    assertEquals(today.minusDays(4).toString(), home.get("previousFrom").asText());

    PortalClient.Reply added = wang.post("/api/portal/todos",
        Map.of("date", today.plusDays(3).toString(), "subject", "繳交考績表"));
    assertEquals(201, added.status(), String.valueOf(added.body()));
    long id = added.body().get("id").asLong();
    JsonNode next = wang.get("/api/portal/todos?from=" + today.plusDays(2) + "&days=3").body();
    boolean found = false;
    for (JsonNode t : next.get("items")) {
      found |= t.get("id").asLong() == id && !t.get("done").asBoolean();
    }
    assertTrue(found, next.toString());
    assertEquals(0, countId(wang.get("/api/portal/todos").body(), id), "not in yesterday-today-tomorrow");

    assertEquals(404, hr().post("/api/portal/todos/" + id + "/complete", Map.of()).status(), "not hrchang's");
    assertEquals(204, wang.post("/api/portal/todos/" + id + "/complete", Map.of()).status());
    JsonNode after = wang.get("/api/portal/todos?from=" + today.plusDays(3) + "&days=1").body();
    assertTrue(after.get("items").get(0).get("done").asBoolean());

    assertEquals(400, wang.get("/api/portal/todos?days=0").status());
    assertEquals(400, wang.get("/api/portal/todos?days=43").status());
    assertEquals(400, wang.get("/api/portal/todos?from=2026-13-01").status());
    assertEquals(400, wang.post("/api/portal/todos", Map.of("date", today.toString(), "subject", " ")).status());
    assertEquals(401, new PortalClient(server).get("/api/portal/todos").status());
  }

  private static int countId(JsonNode window, long id) {
    int n = 0;
    for (JsonNode t : window.get("items")) {
      n += t.get("id").asLong() == id ? 1 : 0;
    }
    return n;
  }
}
