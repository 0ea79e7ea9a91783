package tw.ecpa.kb.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.ecpa.kb.tree.Problem;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.version.KbVersion;
import tw.ecpa.kb.version.ShippedFiles;
import tw.ecpa.kb.version.TreeFiles;

/** The console's routes over real HTTP, with a gate and a desk kept in memory. */
class ConsoleServerTest {

  static final ObjectMapper JSON = new ObjectMapper();
  // The desk of these tests stamps every version with one chosen instant.
  static final Instant PUBLISHED_AT = Instant.parse("2026-11-24T02:00:00Z");
  // HTTP/1.1: the JDK client's h2c upgrade attempt on plain HTTP once left a request to the console's
  // Netty server unanswered for good; the console speaks HTTP/1.1.
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  static ConsoleServer console;
  static final MemoryDesk DESK = new MemoryDesk();

  /** Tokens: "editor" is a knowledge editor (CSRF "csrf-1"), "clerk" a plain employee. */
  static final EditorGate GATE = token -> token == null ? new EditorGate.NotLoggedIn()
      : token.equals("editor") ? new EditorGate.Editor("kbeditor", "csrf-1")
      : token.equals("clerk") ? new EditorGate.NotEditor() : new EditorGate.NotLoggedIn();

  /** Versions and a draft in memory; publishing takes the draft as is. */
  static final class MemoryDesk implements KnowledgeDesk {
    final List<KbVersion> versions = new ArrayList<>(List.of(
        new KbVersion(1, "shipped", "system", Instant.parse("2026-11-23T00:00:00Z"), ShippedFiles.read())));
    Map<String, String> draft;

    @Override public int liveVersion() { return versions.get(versions.size() - 1).number(); }
    @Override public Map<String, String> liveFiles() { return versions.get(versions.size() - 1).files(); }
    @Override public List<KbVersion.Summary> history() {
      return versions.stream().map(KbVersion::summary).sorted((a, b) -> b.number() - a.number()).toList();
    }
    @Override public Optional<Map<String, String>> draft() { return Optional.ofNullable(draft); }
    @Override public List<Problem> saveDraft(Map<String, String> files, String by) {
      var loaded = KnowledgeBaseLoader.fromFiles(files);
      if (loaded instanceof tw.ecpa.kb.tree.json.LoadResult.Invalid invalid) {
        return invalid.problems();
      }
      draft = files;
      return List.of();
    }
    @Override public synchronized List<Problem> editDraft(
        java.util.function.Function<Map<String, String>, TreeFiles.Edit> edit, String by) {
      TreeFiles.Edit result = edit.apply(draft().orElseGet(this::liveFiles));
      return result instanceof TreeFiles.Refused refused ? refused.problems()
          : saveDraft(((TreeFiles.Edited) result).files(), by);
    }
    @Override public void discardDraft() { draft = null; }
    @Override public Trial test(String question) { return new Trial(question, List.of(), "fallback", List.of(), "fallback"); }
    @Override public List<Similar> similar(String question) { return List.of(); }
    @Override public Outcome publishDraft(String note, String by, boolean confirm) {
      versions.add(new KbVersion(liveVersion() + 1, note, by, PUBLISHED_AT, draft));
      draft = null;
      return new Published(liveVersion());
    }
    @Override public List<tw.ecpa.kb.version.Unanswered.Group> unanswered() { return List.of(); }
    @Override public List<Problem> adopt(long groupId, String nodeId, String by) {
      return List.of(new Problem("x", null, "none"));
    }
    @Override public boolean dismiss(long groupId) { return false; }
    @Override public Map<String, Object> analytics(int days) { return Map.of("days", days); }
    @Override public Optional<List<tw.ecpa.kb.version.TreeDiff.Change>> diff(int from, int to) { return Optional.empty(); }
    @Override public List<tw.ecpa.kb.version.TreeDiff.Change> draftDiff() { return List.of(); }
    @Override public List<tw.ecpa.kb.version.Regression.Golden> golden() { return List.of(); }
    @Override public List<String> addGolden(String question, String expected) { return List.of(); }
    @Override public Outcome rollback(int version, String by, boolean confirm) {
      versions.add(new KbVersion(liveVersion() + 1, "rollback", by, PUBLISHED_AT, versions.get(version - 1).files()));
      return new Published(liveVersion());
    }
  }

  @BeforeAll
  static void start() {
    console = ConsoleServer.start("127.0.0.1", 0, "ECPA_SESSION", "http://127.0.0.1:7070", GATE, DESK);
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  record Reply(int status, JsonNode body) {}

  /** A request to the console, given up after 20 seconds. */
  static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path)).timeout(Duration.ofSeconds(20));
  }

  static Reply call(String method, String path, String token, String csrf, Object body) throws Exception {
    HttpRequest.Builder request = request(path)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Cookie", "ECPA_SESSION=" + token);
    }
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
  }

  /** Every API route of the console, with a body where it takes one. */
  static final List<List<Object>> ROUTES = List.of(
      List.of("GET", "/api/kb/session"), List.of("GET", "/api/kb/tree"), List.of("GET", "/api/kb/nodes"),
      List.of("GET", "/api/kb/nodes/menu.main"), List.of("PUT", "/api/kb/nodes/menu.main", Map.of("node", Map.of())),
      List.of("DELETE", "/api/kb/nodes/portal.contact"),
      List.of("POST", "/api/kb/nodes/portal.contact/move", Map.of("to", "menu.login")),
      List.of("GET", "/api/kb/synonyms"), List.of("PUT", "/api/kb/synonyms", Map.of("synonyms", List.of())),
      List.of("GET", "/api/kb/versions"), List.of("GET", "/api/kb/versions/1/diff"), List.of("GET", "/api/kb/draft"),
      List.of("PUT", "/api/kb/draft", Map.of("files", Map.of())), List.of("DELETE", "/api/kb/draft"),
      List.of("GET", "/api/kb/draft/diff"), List.of("GET", "/api/kb/export"),
      List.of("POST", "/api/kb/test", Map.of("question", "x")), List.of("POST", "/api/kb/publish", Map.of("note", "x")),
      List.of("POST", "/api/kb/rollback", Map.of("version", 1)), List.of("GET", "/api/kb/golden"),
      List.of("POST", "/api/kb/golden", Map.of("question", "x", "expected", "portal.contact")),
      List.of("GET", "/api/kb/unanswered"), List.of("POST", "/api/kb/unanswered/1/adopt", Map.of("nodeId", "x")),
      List.of("POST", "/api/kb/unanswered/1/dismiss"), List.of("GET", "/api/kb/analytics"));

  @Test
  void everyRoute_refusesWithoutASession_andWithoutTheEditorRole() throws Exception {
    for (List<Object> route : ROUTES) {
      String method = (String) route.get(0);
      String path = (String) route.get(1);
      Object body = route.size() > 2 ? route.get(2) : null;
      Reply anonymous = call(method, path, null, null, body);
      assertEquals(401, anonymous.status(), method + " " + path);
      assertEquals("not-logged-in", anonymous.body().get("error").asText());
      Reply clerk = call(method, path, "clerk", "csrf-1", body);
      assertEquals(403, clerk.status(), method + " " + path);
      assertTrue(clerk.body().get("message").asText().contains("知識庫編輯權限"));
    }
    assertEquals(DESK.versions.size(), DESK.history().size());
  }

  @Test
  void thePage_isForEditorsOnly_andEveryoneElseIsToldWhyInChinese() throws Exception {
    for (String[] who : new String[][] {{null, "401", "前往人事服務網登入"}, {"clerk", "403", "知識庫編輯權限"},
        {"editor", "200", "智慧客服知識庫管理"}}) {
      HttpRequest.Builder request = request("/");
      if (who[0] != null) {
        request.header("Cookie", "ECPA_SESSION=" + who[0]);
      }
      HttpResponse<String> page = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(Integer.parseInt(who[1]), page.statusCode(), String.valueOf(who[0]));
      assertTrue(page.body().contains(who[2]), page.body());
      assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
      assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
    }
    HttpResponse<String> script = HTTP.send(request("/assets/console.js").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, script.statusCode());
    assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"));
    assertEquals(404, HTTP.send(request("/assets/../kb-console/index.html").build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void theSession_tellsTheEditorAndTheCsrfToken() throws Exception {
    Reply session = call("GET", "/api/kb/session", "editor", null, null);
    assertEquals("kbeditor", session.body().get("account").asText());
    assertEquals("csrf-1", session.body().get("csrfToken").asText());
  }

  @Test
  void nodeEdits_goToTheDraft_andProblemsNameTheirFieldInChinese() throws Exception {
    DESK.discardDraft();
    Reply created = call("PUT", "/api/kb/nodes/browser.cookies", "editor", "csrf-1", Map.of("parent", "menu.browser",
        "node", Map.of("type", "answer", "title", "如何允許 Cookie", "text", "請允許本網站的 Cookie。")));
    assertEquals(200, created.status(), String.valueOf(created.body()));
    assertTrue(DESK.draft().orElseThrow().get("browser.json").contains("browser.cookies"));
    assertTrue(call("GET", "/api/kb/tree", "editor", null, null).body().toString().contains("\"target\":\"browser.cookies\""));

    Reply refused = call("PUT", "/api/kb/nodes/browser.cookies", "editor", "csrf-1",
        Map.of("node", Map.of("type", "answer", "title", "", "text", "")));
    assertEquals(400, refused.status());
    List<String> fields = new ArrayList<>();
    refused.body().get("problems").forEach(p -> fields.add(p.get("field").asText()));
    assertEquals(List.of("title", "text"), fields);
    assertTrue(refused.body().toString().contains("請輸入標題。"));
    assertTrue(DESK.draft().orElseThrow().get("browser.json").contains("如何允許 Cookie"),
        "a refused edit keeps the draft");

    assertEquals(200, call("POST", "/api/kb/nodes/browser.cookies/move", "editor", "csrf-1",
        Map.of("from", "menu.browser", "to", "menu.main")).status());
    assertEquals(400, call("POST", "/api/kb/nodes/browser.cookies/move", "editor", "csrf-1",
        Map.of("from", "menu.browser", "to", "menu.main")).status(), "not under menu.browser any more");
    assertEquals(200, call("DELETE", "/api/kb/nodes/browser.cookies", "editor", "csrf-1", null).status());
    assertTrue(!DESK.draft().orElseThrow().get("menus.json").contains("browser.cookies"));
    assertEquals(400, call("DELETE", "/api/kb/nodes/menu.main", "editor", "csrf-1", null).status());

    Reply synonyms = call("PUT", "/api/kb/synonyms", "editor", "csrf-1",
        Map.of("synonyms", List.of(Map.of("terms", List.of("只有一個")))));
    assertEquals("synonyms", synonyms.body().get("problems").get(0).get("field").asText());
    assertEquals(400, call("PUT", "/api/kb/nodes/x", "editor", "csrf-1", Map.of("node", "text")).status());
    DESK.discardDraft();
  }

  @Test
  void anEditor_browsesTheTree_andChangesNeedTheCsrfToken() throws Exception {
    Reply nodes = call("GET", "/api/kb/nodes", "editor", null, null);
    assertEquals(200, nodes.status());
    assertTrue(nodes.body().toString().contains("moica.error.wrong-pin"));
    Reply node = call("GET", "/api/kb/nodes/moica.error.wrong-pin", "editor", null, null);
    assertEquals("answer", node.body().get("type").asText());
    assertTrue(node.body().get("questions").size() > 5);
    assertEquals(404, call("GET", "/api/kb/nodes/no.such", "editor", null, null).status());

    Map<String, String> files = new LinkedHashMap<>(ShippedFiles.read());
    assertEquals("csrf", call("PUT", "/api/kb/draft", "editor", null, Map.of("files", files)).body().get("error").asText());
    assertEquals("csrf", call("PUT", "/api/kb/draft", "editor", "csrf-2", Map.of("files", files)).body().get("error").asText());
  }

  @Test
  void aBrokenDraft_isRefusedWithItsProblems_andAGoodOneIsPublished() throws Exception {
    Map<String, String> broken = new LinkedHashMap<>(ShippedFiles.read());
    broken.put("moica.json", broken.get("moica.json").replace("\"moica.error.wrong-pin\"", "\"moica.error.wrong-pin2\""));
    Reply refused = call("PUT", "/api/kb/draft", "editor", "csrf-1", Map.of("files", broken));
    assertEquals(400, refused.status());
    assertTrue(refused.body().get("problems").size() > 0);
    assertEquals(400, call("PUT", "/api/kb/draft", "editor", "csrf-1", "{not json").status());

    int before = DESK.liveVersion();
    assertEquals(200, call("PUT", "/api/kb/draft", "editor", "csrf-1", Map.of("files", ShippedFiles.read())).status());
    assertEquals(400, call("POST", "/api/kb/publish", "editor", "csrf-1", Map.of()).status(), "a note is required");
    Reply published = call("POST", "/api/kb/publish", "editor", "csrf-1", Map.of("note", "測試發布"));
    assertEquals(200, published.status(), String.valueOf(published.body()));
    assertEquals(before + 1, published.body().get("published").asInt());
    assertEquals("kbeditor", DESK.versions.get(DESK.versions.size() - 1).publishedBy());
    assertEquals(409, call("POST", "/api/kb/publish", "editor", "csrf-1", Map.of("note", "again")).status(), "no draft");
  }
}
