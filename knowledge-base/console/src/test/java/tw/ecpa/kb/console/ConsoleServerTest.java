package tw.ecpa.kb.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.version.KbVersion;
import tw.ecpa.kb.version.ShippedFiles;

/** The console's routes over real HTTP, with a gate and a desk kept in memory. */
class ConsoleServerTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
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
    @Override public List<String> saveDraft(Map<String, String> files, String by) {
      var loaded = KnowledgeBaseLoader.fromFiles(files);
      if (loaded instanceof tw.ecpa.kb.tree.json.LoadResult.Invalid invalid) {
        return invalid.problems().stream().map(Object::toString).toList();
      }
      draft = files;
      return List.of();
    }
    @Override public void discardDraft() { draft = null; }
    @Override public Trial test(String question) { return new Trial(question, List.of(), "fallback", List.of(), "fallback"); }
    @Override public Outcome publishDraft(String note, String by, boolean confirm) {
      versions.add(new KbVersion(liveVersion() + 1, note, by, Instant.now(), draft));
      draft = null;
      return new Published(liveVersion());
    }
    @Override public List<tw.ecpa.kb.version.Unanswered.Group> unanswered() { return List.of(); }
    @Override public List<String> adopt(long groupId, String nodeId, String by) { return List.of("none"); }
    @Override public boolean dismiss(long groupId) { return false; }
    @Override public Map<String, Object> analytics(int days) { return Map.of("days", days); }
    @Override public Optional<List<tw.ecpa.kb.version.TreeDiff.Change>> diff(int from, int to) { return Optional.empty(); }
    @Override public List<tw.ecpa.kb.version.TreeDiff.Change> draftDiff() { return List.of(); }
    @Override public List<tw.ecpa.kb.version.Regression.Golden> golden() { return List.of(); }
    @Override public List<String> addGolden(String question, String expected) { return List.of(); }
    @Override public Outcome rollback(int version, String by, boolean confirm) {
      versions.add(new KbVersion(liveVersion() + 1, "rollback", by, Instant.now(), versions.get(version - 1).files()));
      return new Published(liveVersion());
    }
  }

  @BeforeAll
  static void start() {
    console = ConsoleServer.start("127.0.0.1", 0, "ECPA_SESSION", GATE, DESK);
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  record Reply(int status, JsonNode body) {}

  static Reply call(String method, String path, String token, String csrf, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
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

  @Test
  void everyRoute_refusesWithoutASession_andWithoutTheEditorRole() throws Exception {
    for (String path : List.of("/api/kb/nodes", "/api/kb/versions", "/api/kb/draft", "/api/kb/export")) {
      Reply anonymous = call("GET", path, null, null, null);
      assertEquals(401, anonymous.status(), path);
      assertEquals("not-logged-in", anonymous.body().get("error").asText());
      Reply clerk = call("GET", path, "clerk", null, null);
      assertEquals(403, clerk.status(), path);
      assertTrue(clerk.body().get("message").asText().contains("知識庫編輯權限"));
    }
    assertEquals(403, call("POST", "/api/kb/publish", "clerk", "csrf-1", Map.of("note", "x")).status());
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
