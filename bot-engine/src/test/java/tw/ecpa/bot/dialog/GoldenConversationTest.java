package tw.ecpa.bot.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.assistant.RunningServer;
import tw.ecpa.assistant.TestServer;
import tw.ecpa.assistant.TestServer.Conversation;
import tw.ecpa.assistant.TestServer.Response;

/**
 * Conversations taken from the bot transcripts in the seed deck (000_645b535f9c503d9b.txt), replayed
 * against the real server with the shipped knowledge base.
 */
class GoldenConversationTest {

  @RegisterExtension
  static final RunningServer server = new RunningServer();

  private static JsonNode ask(String question) {
    Response reply = server.converse().ask(question);
    assertEquals(200, reply.status(), reply.body());
    return reply.graded();
  }

  @Test
  void hicosInstall_typedAsInTheSeed_answersTheInstallGuide() {
    for (String typed : List.of("HiCOS元件安裝", "hicos元件安裝")) {
      JsonNode answer = ask(typed);
      assertEquals("moica.hicos-install", answer.get("answerId").asText(), typed);
      assertTrue(answer.get("text").asText().contains("自然人或機關憑證驅動程式"), answer.toString());
    }
  }

  @Test
  void readFailure_withQuestionMark_answersTheSeedsThreeSteps() {
    JsonNode answer = ask("自然人憑證讀取失敗?");
    assertEquals("moica.error.read-failure", answer.get("answerId").asText());
    String text = answer.get("text").asText();
    assertTrue(text.contains("讀卡機"), text);
    assertTrue(text.contains("擦拭"), text);
    assertTrue(text.contains("檢視憑證IC卡資訊"), text);
  }

  @Test
  void certificateErrorsMenu_typedAsInTheSeed_opensTheNineErrors() {
    JsonNode menu = ask("以自然人憑證登入顯示錯誤訊息相關問題");
    assertEquals("menu.moica.errors", menu.get("answerId").asText());
    assertEquals(9 + 2, menu.get("options").size(), "nine errors plus 回上一層 and 回主選單");
  }

  @Test
  void certificateMenu_typedAsInTheSeed_opensItsThreeOptions() {
    JsonNode menu = ask("以自然人憑證登入人事服務網相關問題");
    assertEquals("menu.moica", menu.get("answerId").asText());
    assertEquals("首次登入", menu.get("options").get(0).get("label").asText());
  }

  @Test
  void nhiMenu_clickedAsInTheSeed_offersItsFiveTopics() {
    Conversation c = server.converse();
    Response login = c.click("menu.login");
    Response nhi = c.choose(login, "以健保卡登入");
    assertEquals("menu.nhi", nhi.graded().get("answerId").asText());
    assertEquals(List.of("環境設置", "安裝健保卡元件流程", "健保卡錯誤訊息", "健保卡密碼註冊", "健保卡密碼輸入錯誤"),
        nhi.labels().subList(0, 5));
  }

  @Test
  void mobileMenu_clickedAsInTheSeed_offersItsFourTopics() {
    Conversation c = server.converse();
    Response mobile = c.choose(c.click("menu.login"), "以行動自然人憑證登入");
    assertEquals("menu.mobile", mobile.graded().get("answerId").asText());
    assertEquals(List.of("使用方式", "註冊方式", "驗證錯誤訊息", "其他問題"), mobile.labels().subList(0, 4));
  }

  @Test
  void freeText_insideAMenu_isAnsweredAndBackReturnsToThatMenu() {
    Conversation c = server.converse();
    c.click("menu.login");
    c.click("menu.nhi");
    Response decrypt = c.ask("解密失敗");
    assertEquals("moica.error.decrypt-failure", decrypt.graded().get("answerId").asText());
    assertEquals("menu.nhi", c.click("nav.back").graded().get("answerId").asText());
  }

  @Test
  void sameSoundTypoAndSimplifiedScript_stillFindForgotPassword() {
    assertEquals("account.forgot-password", ask("忘計密碼").get("answerId").asText());
    assertEquals("account.forgot-password", ask("忘记密码怎么办").get("answerId").asText());
  }

  @Test
  void outOfScope_fallsBackWithTheHelpline() {
    JsonNode fallback = ask("今天晚餐要吃牛肉麵還是水餃");
    assertEquals("fallback", fallback.get("type").asText());
    assertEquals("fallback", fallback.get("answerId").asText());
    assertTrue(fallback.get("text").asText().contains("02-23979108"));
  }

  @Test
  void answer_offersRelatedTopicsAndNavigation() {
    JsonNode answer = ask("解密失敗");
    List<String> ids = new java.util.ArrayList<>();
    answer.get("options").forEach(o -> ids.add(o.get("id").asText()));
    assertTrue(ids.containsAll(List.of("nav.back", "nav.main")), ids.toString());
  }
}
