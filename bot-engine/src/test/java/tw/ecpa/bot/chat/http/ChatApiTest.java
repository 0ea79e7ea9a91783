package tw.ecpa.bot.chat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.bot.feedback.AnswerVote;
import tw.ecpa.bot.feedback.Satisfaction;
import tw.ecpa.bot.feedback.jdbc.JdbcFeedbackStore;
import tw.ecpa.assistant.RunningServer;
import tw.ecpa.assistant.TestServer;
import tw.ecpa.assistant.TestServer.Conversation;
import tw.ecpa.assistant.TestServer.Response;

/** The chat API over real HTTP: the contract of ../shared/docs/chat-api.md. */
class ChatApiTest {

  // A fixed clock: every turn happens in the same minute, so the turn limit is reached exactly.
  @RegisterExtension
  static final RunningServer server =
      new RunningServer().clock(Clock.fixed(Instant.parse("2026-11-23T05:38:41Z"), ZoneOffset.UTC));

  @Test
  void start_emptyBody_greetsWithTheMainMenu() {
    Response started = server.send("POST", "/api/chat/sessions", "{}");
    assertEquals(201, started.status());
    assertTrue(started.contentType().startsWith("application/json"));
    JsonNode messages = started.messages();
    assertEquals("notice", messages.get(0).get("type").asText());
    assertTrue(messages.get(0).get("text").asText().contains("智慧客服"));
    JsonNode menu = messages.get(1);
    assertEquals("menu", menu.get("type").asText());
    assertEquals("menu.main", menu.get("answerId").asText());
    assertEquals("2026-11-23T13:38:41+08:00", menu.get("time").asText());
    assertFalse(started.json().get("sessionId").asText().isBlank());
  }

  @Test
  void start_withLocaleOrNoBody_isAccepted() {
    assertEquals(201, server.post("/api/chat/sessions", Map.of("locale", "zh-TW")).status());
    assertEquals(201, server.send("POST", "/api/chat/sessions", null).status());
  }

  @Test
  void click_loginMenu_showsTheSeedsSixOptionsInOrder() {
    Conversation c = server.converse();
    Response login = c.click("menu.login");
    assertEquals(200, login.status());
    JsonNode menu = login.graded();
    assertEquals("menu.login", menu.get("answerId").asText());
    assertTrue(menu.get("text").asText().contains("請問您是以何種方式登入的呢~"));
    assertEquals(List.of("以帳號登入", "以自然人憑證登入", "以機關憑證登入", "以健保卡登入",
        "以行動自然人憑證登入", "My Data相關問題", "回上一層", "回主選單"), login.labels());
  }

  @Test
  void click_citizenCertificateErrors_showsTheNineErrorsThenTheAnswer() {
    Conversation c = server.converse();
    Response moica = c.choose(c.click("menu.login"), "以自然人憑證登入");
    assertEquals("menu.moica", moica.graded().get("answerId").asText());
    Response errors = c.choose(moica, "顯示錯誤訊息");
    assertEquals("menu.moica.errors", errors.graded().get("answerId").asText());
    assertEquals(List.of("憑證序號與身分證字號不符合", "憑證密碼輸入錯誤", "憑證遭鎖定", "憑證失效",
        "憑證讀取失敗", "憑證驗證服務無法使用", "已安裝登入元件仍無法正常讀取憑證", "解密失敗",
        "未安裝客戶端程式或未啟動服務"), errors.labels().subList(0, 9));
    Response decrypt = c.choose(errors, "解密失敗");
    JsonNode answer = decrypt.graded();
    assertEquals("answer", answer.get("type").asText());
    assertEquals("moica.error.decrypt-failure", answer.get("answerId").asText());
    assertTrue(answer.get("text").asText().contains("停止元件服務"));
  }

  @Test
  void click_backAndMain_walkUpTheTree() {
    Conversation c = server.converse();
    c.click("menu.login");
    c.click("menu.moica");
    Response errors = c.click("menu.moica.errors");
    c.choose(errors, "憑證讀取失敗");
    assertEquals("menu.moica.errors", c.click("nav.back").graded().get("answerId").asText());
    assertEquals("menu.moica", c.click("nav.back").graded().get("answerId").asText());
    assertEquals("menu.main", c.click("nav.main").graded().get("answerId").asText());
  }

  @Test
  void click_unknownOption_is400WithAChineseMessage() {
    Response reply = server.converse().click("no.such.node");
    assertEquals(400, reply.status());
    assertEquals("unknown-option", reply.json().get("error").asText());
    assertTrue(reply.json().get("message").asText().contains("選項"));
  }

  @Test
  void turn_unknownSession_is404() {
    Response reply = server.post("/api/chat/sessions/nope/messages", Map.of("text", "你好"));
    assertEquals(404, reply.status());
    assertEquals("unknown-session", reply.json().get("error").asText());
  }

  @Test
  void turn_malformedJson_is400() {
    Conversation c = server.converse();
    Response reply = server.send("POST", "/api/chat/sessions/" + c.id() + "/messages", "{\"text\": ");
    assertEquals(400, reply.status());
    assertEquals("bad-json", reply.json().get("error").asText());
  }

  @Test
  void turn_bothOrNeitherTextAndOption_is400() {
    Conversation c = server.converse();
    String path = "/api/chat/sessions/" + c.id() + "/messages";
    assertEquals(400, server.post(path, Map.of("text", "忘記密碼", "optionId", "menu.login")).status());
    assertEquals(400, server.post(path, Map.of()).status());
    assertEquals(400, server.post(path, Map.of("text", 42)).status());
  }

  @Test
  void turn_textOverTheLimit_is413_andAtTheLimitIsAnswered() {
    Conversation c = server.converse();
    Response tooLong = c.ask("密".repeat(501));
    assertEquals(413, tooLong.status());
    assertEquals("text-too-long", tooLong.json().get("error").asText());
    assertEquals(200, c.ask("密".repeat(500)).status());
  }

  @Test
  void turn_blankText_is400() {
    Response reply = server.converse().ask("   ");
    assertEquals(400, reply.status());
    assertEquals("empty-text", reply.json().get("error").asText());
  }

  @Test
  void turn_moreThan30InAMinute_is429_andTheConversationSurvives() {
    Conversation c = server.converse();
    for (int i = 0; i < 30; i++) {
      assertEquals(200, c.click("menu.login").status(), "turn " + (i + 1));
    }
    Response limited = c.click("menu.login");
    assertEquals(429, limited.status());
    assertEquals("too-many-turns", limited.json().get("error").asText());
  }

  @Test
  void turn_formWithoutAPendingForm_is400() {
    Conversation c = server.converse();
    Response reply = server.post("/api/chat/sessions/" + c.id() + "/messages",
        Map.of("formId", "reset", "form", Map.of("idNumber", "A123456789")));
    assertEquals(400, reply.status());
    assertEquals("unknown-form", reply.json().get("error").asText());
  }

  @Test
  void healthz_answersOk() {
    Response health = server.send("GET", "/healthz", null);
    assertEquals(200, health.status());
    assertEquals("ok", health.json().get("status").asText());
  }

  @Test
  void pagesAndWidget_areServedAsUtf8() {
    Response page = server.send("GET", "/", null);
    assertEquals(200, page.status());
    assertEquals("text/html;charset=utf-8", page.contentType().toLowerCase(java.util.Locale.ROOT).replace(" ", ""));
    assertTrue(page.body().contains("人事服務網"));
    Response script = server.send("GET", "/widget/ecpa-chat.js", null);
    assertEquals(200, script.status());
    assertTrue(script.contentType().toLowerCase(java.util.Locale.ROOT).contains("charset=utf-8"), script.contentType());
  }

  @Test
  void unknownRouteAndWrongMethod_areJson4xx() {
    Response missing = server.send("GET", "/api/nothing-here", null);
    assertEquals(404, missing.status());
    assertEquals("not-found", missing.json().get("error").asText());
    Response wrongMethod = server.send("GET", "/api/chat/sessions", null);
    assertTrue(wrongMethod.status() >= 400 && wrongMethod.status() < 500, "status " + wrongMethod.status());
  }

  @Test
  void oversizedBody_is413() {
    Conversation c = server.converse();
    Response reply = server.send("POST", "/api/chat/sessions/" + c.id() + "/messages",
        "{\"text\": \"" + "x".repeat(200_000) + "\"}");
    assertEquals(413, reply.status());
  }

  @Test
  void satisfaction_isStoredWithTheNodeReached_andIdNumbersMasked_andAnsweringAgainReplaces() {
    Conversation c = server.converse();
    c.ask("登入時顯示解密失敗");
    String path = "/api/chat/sessions/" + c.id() + "/satisfaction";

    assertEquals(204, server.post(path, Map.of("score", 2, "comment", "我是 A123456789，還是不會")).status());
    assertEquals(204, server.post(path, Map.of("score", 4, "comment", "我是 A123456789，後來會了")).status());

    JdbcFeedbackStore store = new JdbcFeedbackStore(server.server().portal().database().dataSource());
    List<Satisfaction> mine = store.recent(100).stream()
        .filter(s -> s.comment() != null && s.comment().contains("後來會了")).toList();
    assertEquals(1, mine.size());
    assertEquals(4, mine.get(0).score());
    assertEquals("我是 A1234*****，後來會了", mine.get(0).comment());
    assertEquals("moica.error.decrypt-failure", mine.get(0).lastNodeId());
    assertTrue(store.recent(100).stream().noneMatch(s -> s.comment() != null && s.comment().contains("還是不會")));
  }

  @Test
  void satisfaction_badInput_isAClear4xx_andUnknownConversationsA404() {
    Conversation c = server.converse();
    String path = "/api/chat/sessions/" + c.id() + "/satisfaction";
    for (String body : List.of("{}", "{\"score\":0}", "{\"score\":6}", "{\"score\":\"5\"}", "{\"score\":4.5}",
        "{\"score\":3,\"comment\":7}", "[]")) {
      Response r = server.send("POST", path, body);
      assertEquals(400, r.status(), body);
      assertFalse(r.json().get("message").asText().isBlank());
    }
    assertEquals(413, server.post(path, Map.of("score", 3, "comment", "太".repeat(501))).status());
    assertEquals(404, server.post("/api/chat/sessions/nope/satisfaction", Map.of("score", 3)).status());
  }

  @Test
  void votes_onAnswers_areTalliedPerAnswer_oneVotePerConversation() {
    Conversation a = server.converse();
    Conversation b = server.converse();
    String answer = "moica.error.wrong-pin";

    assertEquals(204, server.post("/api/chat/sessions/" + a.id() + "/feedback", Map.of("answerId", answer, "helpful", true)).status());
    assertEquals(204, server.post("/api/chat/sessions/" + a.id() + "/feedback", Map.of("answerId", answer, "helpful", false)).status());
    assertEquals(204, server.post("/api/chat/sessions/" + b.id() + "/feedback", Map.of("answerId", answer, "helpful", false)).status());

    JdbcFeedbackStore store = new JdbcFeedbackStore(server.server().portal().database().dataSource());
    assertEquals(new AnswerVote.Tally(answer, 0, 2),
        store.tallies().stream().filter(t -> t.answerId().equals(answer)).findFirst().orElseThrow());
    assertEquals(400, server.post("/api/chat/sessions/" + a.id() + "/feedback", Map.of("answerId", "no.such.node", "helpful", true)).status());
    assertEquals(400, server.post("/api/chat/sessions/" + a.id() + "/feedback", Map.of("answerId", answer, "helpful", "yes")).status());
    assertEquals(404, server.post("/api/chat/sessions/nope/feedback", Map.of("answerId", answer, "helpful", true)).status());
  }
}
