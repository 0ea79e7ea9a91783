package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The knowledge-staff console on its own port, with the portal's sessions: an editor drafts, tests and
 * publishes, and the running bot answers the new way with no restart; others get 403.
 */
class ConsoleApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  // HTTP/1.1: the JDK client's h2c upgrade attempt on plain HTTP once left a request to the console's
  // Netty server unanswered for good; the console speaks HTTP/1.1.
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  /** How long a test waits for the console or the chat: generous, for a busy machine. */
  static final Duration PATIENCE = Duration.ofSeconds(90);
  // Its tests publish versions the others would build on: a server of their own each.
  @RegisterExtension
  static final RunningServer server = new RunningServer().freshForEachTest();

  /** A portal login; returns the cookie and CSRF token. */
  static String[] login(String account, String password) {
    PortalClient client = new PortalClient(server);
    PortalClient.Reply reply = client.login(account, password);
    assertEquals(200, reply.status());
    return new String[] {client.cookie(), reply.body().get("csrfToken").asText()};
  }

  static JsonNode[] console(String method, String path, String[] session, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.server().consolePort().orElseThrow() + path))
        .timeout(PATIENCE)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .header("Content-Type", "application/json");
    if (session != null) {
      request.header("Cookie", session[0]).header("X-CSRF-Token", session[1]);
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      throw new AssertionError("the console did not answer " + method + " " + path + " within " + PATIENCE, e);
    }
    return new JsonNode[] {JSON.getNodeFactory().numberNode(response.statusCode()),
        response.body().isEmpty() ? null : JSON.readTree(response.body())};
  }

  @Test
  void anEditorsPublishedEdit_isWhatTheRunningBotAnswers() throws Exception {
    String[] editor = login("kbeditor", "Kb-Demo2026!");
    JsonNode[] draft = console("GET", "/api/kb/draft", editor, null);
    assertEquals(200, draft[0].asInt());
    Map<String, String> files = JSON.convertValue(draft[1].get("files"), Map.class);
    ObjectNode moica = (ObjectNode) JSON.readTree(files.get("moica.json"));
    moica.get("nodes").forEach(n -> {
      if (n.get("id").asText().equals("moica.error.wrong-pin")) {
        ((ObjectNode) n).put("text", "（新版）憑證密碼輸入錯誤：請確認大小寫後重新輸入。");
        ((com.fasterxml.jackson.databind.node.ArrayNode) n.get("questions")).add("PIN碼打錯了要怎麼辦呢");
      }
    });
    Map<String, String> edited = new LinkedHashMap<>(files);
    edited.put("moica.json", JSON.writeValueAsString(moica));

    assertEquals(200, console("PUT", "/api/kb/draft", editor, Map.of("files", edited))[0].asInt());
    JsonNode trial = console("POST", "/api/kb/test", editor, Map.of("question", "自然人憑證密碼輸入錯誤"))[1];
    assertEquals("moica.error.wrong-pin", trial.get("draftAnswer").asText());
    assertTrue(trial.get("draft").get(0).has("score"));
    TestServer.Conversation before = server.converse();
    assertTrue(!before.ask("自然人憑證密碼輸入錯誤").graded().get("text").asText().contains("（新版）"),
        "the live bot still answers from the published version");

    JsonNode pending = console("GET", "/api/kb/draft/diff", editor, null)[1].get("changes");
    assertEquals(1, pending.size(), pending.toString());
    assertEquals("moica.error.wrong-pin", pending.get(0).get("nodeId").asText());
    assertEquals("[\"text\",\"questions\"]", pending.get(0).get("fields").toString());
    assertEquals("[\"PIN碼打錯了要怎麼辦呢\"]", pending.get(0).get("questionsAdded").toString());
    JsonNode[] published = console("POST", "/api/kb/publish", editor, Map.of("note", "改寫憑證密碼錯誤說明"));
    assertEquals(200, published[0].asInt(), String.valueOf(published[1]));
    assertTrue(server.converse().ask("自然人憑證密碼輸入錯誤").graded().get("text").asText().startsWith("（新版）"));
    JsonNode versions = console("GET", "/api/kb/versions", editor, null)[1];
    assertEquals(published[1].get("published").asInt(), versions.get("live").asInt());
    JsonNode diff = console("GET", "/api/kb/versions/" + published[1].get("published").asInt() + "/diff", editor, null)[1];
    assertEquals("changed", diff.get("changes").get(0).get("change").asText(), diff.toString());

    JsonNode[] back = console("POST", "/api/kb/rollback", editor, Map.of("version", 1));
    assertEquals(200, back[0].asInt(), String.valueOf(back[1]));
    assertTrue(!server.converse().ask("自然人憑證密碼輸入錯誤").graded().get("text").asText().contains("（新版）"));
  }

  @Test
  void anEditorAddingAQuestion_seesTheExistingPhrasingsClosestInMeaning() throws Exception {
    String[] editor = login("kbeditor", "Kb-Demo2026!");
    JsonNode[] reply = console("POST", "/api/kb/similar", editor, Map.of("question", "自然人憑證的PIN碼一直打錯"));

    assertEquals(200, reply[0].asInt());
    JsonNode first = reply[1].get("similar").get(0);
    assertEquals("moica.error.wrong-pin", first.get("nodeId").asText(), reply[1].toString());
    assertTrue(first.get("closeness").asDouble() > 0.6, first.toString());
    assertEquals(400, console("POST", "/api/kb/similar", editor, Map.of("question", " "))[0].asInt());
  }

  @Test
  void everyoneElse_isRefused() throws Exception {
    String[] employee = login("wangxm", "Wang-Demo2026!");
    for (String path : List.of("/api/kb/nodes", "/api/kb/versions", "/api/kb/draft", "/api/kb/unanswered",
        "/api/kb/analytics")) {
      assertEquals(403, console("GET", path, employee, null)[0].asInt(), path);
      assertEquals(401, console("GET", path, null, null)[0].asInt(), path);
    }
    assertEquals(403, console("POST", "/api/kb/publish", employee, Map.of("note", "x"))[0].asInt());
    assertEquals(403, console("POST", "/api/kb/similar", employee, Map.of("question", "x"))[0].asInt());
  }

  @Test
  void anUnansweredQuestion_becomesAnAlternateQuestion_andIsAnsweredAfterPublishing() throws Exception {
    TestServer.Conversation user = server.converse();
    assertEquals("fallback", user.ask("小幫手可以陪我聊天嗎").graded().get("answerId").asText());
    user.ask("小幫手可以陪我聊聊天嗎 A123456789");
    String[] editor = login("kbeditor", "Kb-Demo2026!");

    JsonNode groups = console("GET", "/api/kb/unanswered", editor, null)[1];
    JsonNode group = null;
    for (JsonNode g : groups) {
      if (g.get("examples").toString().contains("小幫手可以陪我聊")) {
        group = g;
      }
    }
    assertTrue(group != null, groups.toString());
    assertEquals(2, group.get("count").asInt());
    assertTrue(group.toString().contains("A1234*****") && !group.toString().contains("A123456789"), "masked");

    JsonNode[] adopted = console("POST", "/api/kb/unanswered/" + group.get("id").asLong() + "/adopt", editor,
        Map.of("nodeId", "portal.contact"));
    assertEquals(200, adopted[0].asInt(), String.valueOf(adopted[1]));
    assertTrue(!console("GET", "/api/kb/unanswered", editor, null)[1].toString().contains("小幫手可以陪我聊"));
    JsonNode[] published = console("POST", "/api/kb/publish", editor, Map.of("note", "加入使用者問句", "confirm", true));
    assertEquals(200, published[0].asInt(), String.valueOf(published[1]));

    assertEquals("portal.contact", server.converse().ask("小幫手可以陪我聊天嗎").graded().get("answerId").asText());
  }

  @Test
  void analytics_countQuestionsOutcomesAnswersVotesAndSatisfaction() throws Exception {
    TestServer.Conversation user = server.converse();
    user.ask("登入時顯示解密失敗");
    user.ask("自然人憑證解密失敗怎麼辦");
    TestServer.Response login = user.click("menu.login");
    user.ask("健保卡怎麼登入");
    user.ask("今天中午吃什麼好呢");
    server.post("/api/chat/sessions/" + user.id() + "/feedback", Map.of("answerId", "moica.error.decrypt-failure", "helpful", false));
    server.post("/api/chat/sessions/" + user.id() + "/satisfaction", Map.of("score", 2));
    String[] editor = login("kbeditor", "Kb-Demo2026!");

    JsonNode analytics = console("GET", "/api/kb/analytics?days=7", editor, null)[1];

    assertTrue(analytics.get("questions").asLong() >= 3, analytics.toString());
    assertTrue(analytics.get("fallbackRate").asDouble() > 0, analytics.toString());
    assertTrue(analytics.get("topAnswers").toString().contains("moica.error.decrypt-failure"), analytics.toString());
    assertTrue(analytics.get("votes").toString().contains("moica.error.decrypt-failure"));
    assertTrue(analytics.get("satisfaction").get("answers").asInt() >= 1);
    assertEquals(1, analytics.get("questionsPerDay").size());
    JsonNode loginExits = null;
    for (JsonNode exit : analytics.get("menuExits")) {
      loginExits = "menu.login".equals(exit.get("menuId").asText()) ? exit : loginExits;
    }
    assertTrue(loginExits != null && loginExits.get("left").asLong() >= 1 && loginExits.get("shown").asLong() >= 1
        && "人事服務網登入相關問題".equals(loginExits.get("title").asText()), analytics.toString());
    assertEquals(400, console("GET", "/api/kb/analytics?days=0", editor, null)[0].asInt());
  }

  @Test
  void goldenQuestions_areSaved_forAnswersOnly() throws Exception {
    String[] editor = login("kbeditor", "Kb-Demo2026!");
    assertEquals(200, console("POST", "/api/kb/golden", editor,
        Map.of("question", "自然人憑證讀取失敗", "expected", "moica.error.read-failure"))[0].asInt());
    assertEquals(400, console("POST", "/api/kb/golden", editor, Map.of("question", "x", "expected", "menu.main"))[0].asInt());
    assertTrue(console("GET", "/api/kb/golden", editor, null)[1].toString().contains("自然人憑證讀取失敗"));
  }

  @Test
  void publishingUnderChatLoad_failsNoRequest() throws Exception {
    String[] editor = login("kbeditor", "Kb-Demo2026!");
    Map<String, String> files = JSON.convertValue(console("GET", "/api/kb/export", editor, null)[1], Map.class);
    ObjectNode moica = (ObjectNode) JSON.readTree(files.get("moica.json"));
    moica.get("nodes").forEach(n -> {
      if (n.get("id").asText().equals("moica.error.locked")) {
        ((ObjectNode) n).put("text", "（負載中發布）" + n.get("text").asText());
      }
    });
    Map<String, String> edited = new LinkedHashMap<>(files);
    edited.put("moica.json", JSON.writeValueAsString(moica));
    assertEquals(200, console("PUT", "/api/kb/draft", editor, Map.of("files", edited))[0].asInt());

    JsonNode[] published;
    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.ConcurrentLinkedQueue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> users = new java.util.ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread user = new Thread(() -> {
        try {
          while (running.get()) {
            TestServer.Conversation c = server.converse();
            for (int i = 0; i < 5 && running.get(); i++) {
              TestServer.Response reply = c.ask("自然人憑證遭鎖定");
              if (reply.status() != 200) {
                failures.add(reply.status() + " " + reply.body());
              } else {
                answered.incrementAndGet();
              }
            }
          }
        } catch (RuntimeException e) {
          failures.add(e.toString());
        }
      });
      user.start();
      users.add(user);
    }
    try {
      Awaitility.await("the users' first answers").atMost(PATIENCE)
          .until(() -> answered.get() >= 10 || !failures.isEmpty());
      published = console("POST", "/api/kb/publish", editor, Map.of("note", "負載中發布", "confirm", true));
      int atPublish = answered.get();
      Awaitility.await("answers after the publish").atMost(PATIENCE)
          .until(() -> answered.get() >= atPublish + 10 || !failures.isEmpty());
    } finally {
      running.set(false);
    }
    for (Thread user : users) {
      user.join();
    }

    assertEquals(200, published[0].asInt(), String.valueOf(published[1]));
    assertEquals(List.of(), List.copyOf(failures));
    assertTrue(server.converse().ask("自然人憑證遭鎖定").graded().get("text").asText().startsWith("（負載中發布）"));
  }
}
