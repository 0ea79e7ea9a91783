package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.portal.testing.MovableClock;

/**
 * The bot acting over the chat API: the password reset completed inside the chat with the code read
 * from the mail, the same reply whether or not the data match, nothing secret kept or logged, the
 * user's own items for a logged-in page and the refusal when logged out.
 */
class ChatActionsApiTest {

  static final MovableClock CLOCK = MovableClock.ticking(MovableClock.WORKING_MORNING);
  // Its tests reset demo accounts' passwords that the others log in with: a server of their own each.
  @RegisterExtension
  static final RunningServer server = new RunningServer().clock(CLOCK).freshForEachTest();

  /** One widget: a chat conversation, with the page's session cookie when logged in. */
  static final class Chat {
    final PortalClient client;
    final String id;

    Chat(PortalClient client) {
      this.client = client;
      this.id = client.post("/api/chat/sessions", Map.of()).body().get("sessionId").asText();
    }

    JsonNode ask(String text) {
      return ok(client.post("/api/chat/sessions/" + id + "/messages", Map.of("text", text)));
    }

    JsonNode click(String optionId) {
      return ok(client.post("/api/chat/sessions/" + id + "/messages", Map.of("optionId", optionId)));
    }

    PortalClient.Reply submit(String formId, Map<String, String> fields) {
      return client.post("/api/chat/sessions/" + id + "/messages", Map.of("formId", formId, "form", fields));
    }

    static JsonNode ok(PortalClient.Reply reply) {
      assertEquals(200, reply.status(), String.valueOf(reply.body()));
      return reply.body().get("messages");
    }
  }

  static JsonNode last(JsonNode messages) {
    return messages.get(messages.size() - 1);
  }

  static List<String> optionIds(JsonNode messages) {
    List<String> ids = new ArrayList<>();
    messages.forEach(m -> m.path("options").forEach(o -> ids.add(o.get("id").asText())));
    return ids;
  }

  /** Fills the request form with the captcha the form carries (test mode gives its answer). */
  static Map<String, String> request(JsonNode form, String idNumber, String email) {
    Map<String, String> fields = new HashMap<>();
    fields.put("idNumber", idNumber);
    fields.put("email", email);
    fields.put("captchaId", form.get("captcha").get("id").asText());
    fields.put("captchaAnswer", form.get("captcha").get("answer").asText());
    return fields;
  }

  @Test
  void aFullPasswordReset_insideTheChat_withTheCodeFromTheMail_andNothingSecretKeptOrLogged() {
    PrintStream err = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    String code;
    Chat chat = new Chat(new PortalClient(server));
    try {
      // Proves the capture sees what the server logs (slf4j-simple writes to the current System.err).
      org.slf4j.LoggerFactory.getLogger(ChatActionsApiTest.class).warn("log capture check");
      JsonNode answer = chat.ask("忘記密碼怎麼辦");
      assertEquals("account.forgot-password", answer.get(0).get("answerId").asText());
      assertTrue(optionIds(answer).contains("act.password-reset"), answer.toString());

      JsonNode form = last(chat.click("act.password-reset"));
      assertEquals("form", form.get("type").asText());
      assertEquals("password-reset.request", form.get("formId").asText());
      assertTrue(form.get("captcha").get("image").asText().startsWith("data:image/png;base64,"));
      List<String> names = new ArrayList<>();
      form.get("fields").forEach(f -> names.add(f.get("name").asText()));
      assertEquals(List.of("idNumber", "email", "captchaAnswer", "sendAccount"), names);

      JsonNode accepted = Chat.ok(chat.submit("password-reset.request", request(form, "A123456789", "wangxm@demo.ecpa.test")));
      JsonNode verifyForm = last(accepted);
      assertEquals("password-reset.verify", verifyForm.get("formId").asText());
      code = DevMail.find(chat.client.awaitMail("wangxm@demo.ecpa.test", 1), "您的認證碼[：:]\\s*([A-Z0-9]{8})");

      JsonNode weak = Chat.ok(chat.submit("password-reset.verify", Map.of("accountOrId", "wangxm", "code", code,
          "newPassword", "abc", "confirmPassword", "abc")));
      assertTrue(last(weak).get("text").asText().contains("密碼長度需8碼以上"), weak.toString());
      JsonNode done = Chat.ok(chat.submit("password-reset.verify", Map.of("accountOrId", "wangxm", "code", code,
          "newPassword", "Chat-New2026#", "confirmPassword", "Chat-New2026#")));
      assertTrue(last(done).get("text").asText().contains("密碼重設完成"), done.toString());
      assertEquals(400, chat.submit("password-reset.verify", Map.of("accountOrId", "wangxm", "code", code)).status(),
          "the form is closed once done");
    } finally {
      System.setErr(err);
    }
    assertEquals(200, new PortalClient(server).login("wangxm", "Chat-New2026#").status());

    String logged = logs.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("log capture check"), "the log capture works");
    assertFalse(logged.contains(code) || logged.contains("Chat-New2026#") || logged.contains("A123456789"), logged);
    String kept = server.server().conversations().find(chat.id).orElseThrow().toString()
        + server.server().conversations().find(chat.id).orElseThrow().path()
        + server.server().conversations().find(chat.id).orElseThrow().pendingForm();
    assertFalse(kept.contains(code) || kept.contains("Chat-New2026#") || kept.contains("A123456789"), kept);
  }

  @Test
  void aMismatchedIdAndEmail_getTheSameReplyAsAMatch() {
    Chat matched = new Chat(new PortalClient(server));
    Chat mismatched = new Chat(new PortalClient(server));
    JsonNode form1 = last(matched.click("act.password-reset"));
    JsonNode form2 = last(mismatched.click("act.password-reset"));

    JsonNode a = Chat.ok(matched.submit("password-reset.request", request(form1, "H120987659", "chouzm@demo.ecpa.test")));
    JsonNode b = Chat.ok(mismatched.submit("password-reset.request", request(form2, "H120987659", "not.his@mail.gov.tw")));
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).get("text"), b.get(i).get("text"));
      assertEquals(a.get(i).get("type"), b.get(i).get("type"));
      assertEquals(a.get(i).get("formId"), b.get(i).get("formId"));
    }
  }

  @Test
  void aWrongCaptcha_bringsTheFormBackWithANewCaptcha_andTheFormCanBeLeft() {
    Chat chat = new Chat(new PortalClient(server));
    JsonNode form = last(chat.click("act.password-reset"));
    Map<String, String> fields = request(form, "A123456789", "wangxm@demo.ecpa.test");
    fields.put("captchaAnswer", "wrong");

    JsonNode again = last(Chat.ok(chat.submit("password-reset.request", fields)));
    assertEquals("password-reset.request", again.get("formId").asText());
    assertTrue(again.get("text").asText().startsWith("驗證碼錯誤"), again.toString());
    assertFalse(again.get("captcha").get("id").asText().equals(form.get("captcha").get("id").asText()));
    JsonNode left = chat.click("form.leave");
    assertTrue(left.get(0).get("text").asText().contains("已離開表單"));
    assertEquals(400, chat.submit("password-reset.request", fields).status());
  }

  @Test
  void ownItems_forALoggedInPage_andARefusalWhenLoggedOut() {
    PortalClient loggedIn = new PortalClient(server);
    assertEquals(200, loggedIn.login("chouzm", "Chou-Demo2026!").status());
    Chat mine = new Chat(loggedIn);
    Chat anonymous = new Chat(new PortalClient(server));

    JsonNode account = mine.ask("我的帳號是什麼");
    assertEquals("me.account", account.get(0).get("answerId").asText());
    assertTrue(last(account).get("text").asText().contains("chouzm"), account.toString());
    JsonNode expiry = mine.ask("我的密碼還有幾天到期");
    assertTrue(last(expiry).get("text").asText().matches("(?s).*還有 1[0-9]{2} 天.*"), expiry.toString());
    JsonNode lock = mine.ask("我的帳號被鎖了嗎");
    assertTrue(last(lock).get("text").asText().contains("沒有被鎖定"), lock.toString());

    JsonNode refused = anonymous.ask("我的帳號是什麼");
    assertTrue(last(refused).get("text").asText().contains("請先登入"), refused.toString());
    assertTrue(optionIds(refused).contains("menu.login"));
    assertFalse(refused.toString().contains("chouzm"));
  }

  @Test
  void pendingQuestionnairesAndToDos_areReadOutForTheLoggedInUser_withLinksToTheirPages() {
    PortalClient hr = new PortalClient(server);
    assertEquals(200, hr.login("hrchang", "Hr-Demo2026!").status());
    long id = QuestionnaireApiTest.draft(hr, "人事服務網使用意見調查");
    long group = QuestionnaireApiTest.group(hr, Map.of("name", "總處同仁", "kind", "organization"));
    java.time.Instant now = CLOCK.instant();
    assertEquals(200, QuestionnaireApiTest.publish(hr, id, group, now.minusSeconds(60),
        now.plus(java.time.Duration.ofDays(7))).status());

    PortalClient wang = new PortalClient(server);
    assertEquals(200, wang.login("wangxm", "Wang-Demo2026!").status());
    Chat mine = new Chat(wang);
    JsonNode questionnaires = mine.ask("我有幾份待填問卷");
    assertEquals("me.questionnaires", questionnaires.get(0).get("answerId").asText(), questionnaires.toString());
    String text = last(questionnaires).get("text").asText();
    assertTrue(text.contains("您目前有1份待填問卷") && text.contains("人事服務網使用意見調查"), text);
    assertTrue(last(questionnaires).get("links").get(0).get("url").asText()
        .endsWith("/questionnaires/fill.html?id=" + id), questionnaires.toString());

    JsonNode todos = mine.ask("我今天有什麼待辦事項");
    assertEquals("me.todos", todos.get(0).get("answerId").asText(), todos.toString());
    String list = last(todos).get("text").asText();
    assertTrue(list.contains("昨天") && list.contains("申請個人資料校對"), list);
    assertTrue(list.contains("今天") && list.contains("人事服務網使用意見調查"), "publishing made a to-do: " + list);

    JsonNode chou = new Chat(loginAs("chouzm", "Chou-Demo2026!")).ask("我有沒有要填的問卷");
    assertTrue(last(chou).get("text").asText().contains("您目前沒有待填問卷"), "another organization: " + chou);
    JsonNode refused = new Chat(new PortalClient(server)).ask("我的待辦事項有哪些");
    assertTrue(last(refused).get("text").asText().contains("請先登入"), refused.toString());
  }

  private static PortalClient loginAs(String account, String password) {
    PortalClient client = new PortalClient(server);
    assertEquals(200, client.login(account, password).status());
    return client;
  }

  @Test
  void theHelpline_saysWhetherItIsOpenNow() {
    JsonNode reply = new Chat(new PortalClient(server)).ask("轉接真人");
    assertEquals("portal.contact", reply.get(0).get("answerId").asText());
    String status = last(reply).get("text").asText();
    assertTrue(status.contains("02-23979108") && (status.contains("現在是服務時間") || status.contains("現在非服務時間")),
        status);
    assertNotNull(last(reply).get("time"));
  }

  @Test
  void environmentCheck_asksTheWidgetToProbe_andDiagnosesFromTheRules() {
    Chat chat = new Chat(new PortalClient(server));
    chat.ask("自然人憑證登入環境設置");
    JsonNode action = last(chat.click("act.env-check"));
    assertEquals("action", action.get("type").asText());
    assertEquals("env-check", action.get("action").asText());
    assertEquals("moica", action.get("method").asText(), "the check is for the method the user asked about");
    assertTrue(action.get("probes").toString().contains("popups") && action.get("probes").toString().contains("hicos"));

    JsonNode blocked = Chat.ok(chat.submit(action.get("formId").asText(), Map.of("method", "moica", "browser", "chrome",
        "browserVersion", "150", "os", "macos", "cookies", "true", "storage", "true", "popups", "blocked",
        "hicos", "missing", "nhi", "missing", "screen", "1280x900")));
    List<String> answers = new ArrayList<>();
    blocked.forEach(m -> {
      if (m.has("answerId")) {
        answers.add(m.get("answerId").asText());
      }
    });
    assertEquals(List.of("browser.popup.chrome", "moica.hicos-install"), answers, blocked.toString());
    assertTrue(blocked.get(0).get("text").asText().contains("快顯視窗：已封鎖"));
    assertTrue(blocked.toString().contains("Mac"), "the Mac sentence of the rules");

    Chat fine = new Chat(new PortalClient(server));
    fine.ask("環境檢測");
    JsonNode again = last(fine.click("act.env-check"));
    assertEquals("other", again.get("method").asText());
    JsonNode allowed = Chat.ok(fine.submit("env-check.result", Map.of("method", "other", "browser", "firefox",
        "os", "windows", "cookies", "true", "storage", "true", "popups", "allowed", "hicos", "ok", "hicosVersion",
        "1.3.4.103", "nhi", "missing")));
    assertTrue(allowed.toString().contains("檢測結果正常"), allowed.toString());
    assertEquals("account.first-login", last(allowed).get("answerId").asText());
    assertTrue(allowed.get(0).get("text").asText().contains("1.3.4.103"));
  }

  @Test
  void mailboxReverification_insideTheChat_sendsTheCodeToTheNewAddress() {
    Chat chat = new Chat(new PortalClient(server));
    JsonNode answer = chat.ask("收不到認證信");
    assertEquals("account.no-reset-email", answer.get(0).get("answerId").asText());
    JsonNode form = last(chat.click("act.mailbox-reverify"));
    assertEquals("mailbox.request", form.get("formId").asText());

    Map<String, String> fields = new HashMap<>(Map.of("idNumber", "B223451232", "birthday", "0750708",
        "onDutyDate", "1080301", "email", "chen.new@mail.gov.tw"));
    fields.put("captchaId", form.get("captcha").get("id").asText());
    fields.put("captchaAnswer", form.get("captcha").get("answer").asText());
    JsonNode accepted = Chat.ok(chat.submit("mailbox.request", fields));

    assertEquals("password-reset.verify", last(accepted).get("formId").asText());
    String code = DevMail.find(chat.client.awaitMail("chen.new@mail.gov.tw", 1), "您的認證碼[：:]\\s*([A-Z0-9]{8})");
    JsonNode done = Chat.ok(chat.submit("password-reset.verify", Map.of("accountOrId", "chenml", "code", code,
        "newPassword", "Chen-Chat2026#", "confirmPassword", "Chen-Chat2026#")));
    assertTrue(last(done).get("text").asText().contains("密碼重設完成"));
    assertEquals(200, new PortalClient(server).login("chenml", "Chen-Chat2026#").status(), "and the lock is gone");
  }
}
