package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The widget in a real browser: the guided menus and free text, as in the seed's screenshots. */
class WidgetConversationTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser().freshTabBeforeEach();

  @Test
  void menuWalk_naturalPersonCertificate_errorMessage_decryptFailure_showsTheAnswer() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();

    WebElement greeting = widget.find(".row[data-answer-id='menu.main']");
    List<String> main = greeting.findElements(By.cssSelector(".option")).stream().map(WebElement::getText).toList();
    assertTrue(main.contains("人事服務網登入相關問題"), main.toString());
    assertTrue(WidgetPage.text(widget.rows().get(0)).contains("智慧客服"), "the greeting notice comes first");

    WebElement login = widget.choose("人事服務網登入相關問題");
    assertEquals("menu.login", login.getDomAttribute("data-answer-id"));
    List<String> ways = login.findElements(By.cssSelector(".option")).stream().map(WebElement::getText).toList();
    assertTrue(ways.contains("以自然人憑證登入"), ways.toString());

    assertEquals("menu.moica", widget.choose("以自然人憑證登入").getDomAttribute("data-answer-id"));
    assertEquals("menu.moica.errors", widget.choose("顯示錯誤訊息").getDomAttribute("data-answer-id"));
    WebElement answer = widget.choose("解密失敗");

    assertEquals("answer", answer.getDomAttribute("data-type"));
    assertEquals("moica.error.decrypt-failure", answer.getDomAttribute("data-answer-id"));
    assertTrue(WidgetPage.text(answer).contains("解密失敗"), WidgetPage.text(answer));
    assertTrue(WidgetPage.text(answer).contains("停止元件服務"), WidgetPage.text(answer));
    assertTrue(answer.isDisplayed());

    // The clicked labels are the user's messages, right-aligned, each with an HH:mm time.
    List<WebElement> users = widget.all(".row.user");
    assertEquals(List.of("人事服務網登入相關問題", "以自然人憑證登入", "顯示錯誤訊息", "解密失敗"),
        users.stream().map(WidgetPage::text).toList());
    WebElement lastUser = users.get(users.size() - 1);
    WebElement log = widget.find(".log");
    double rightGap = widget.rect(log, "right") - widget.rect(lastUser.findElement(By.cssSelector(".bubble")), "right");
    double leftGap = widget.rect(lastUser.findElement(By.cssSelector(".bubble")), "left") - widget.rect(log, "left");
    assertTrue(rightGap < leftGap, "user bubbles sit on the right");
    for (WebElement row : widget.rows()) {
      assertTrue(row.findElement(By.cssSelector("time")).getText().matches("\\d{2}:\\d{2}"));
    }
    // Navigation options are offered too.
    assertTrue(answer.findElements(By.cssSelector(".option.nav")).stream().anyMatch(b -> b.getText().equals("回主選單")));

    portal.browser().screenshot("widget-open-answer");
  }

  @Test
  void freeText_forgotPassword_getsAnAnswer_notTheFallback() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    WebElement input = widget.find(".question");
    assertEquals("請輸入您的提問，如「我忘記eCPA帳號密碼」或「我是公務人員，想查詢年度可休假天數」",
        input.getDomAttribute("placeholder"));
    assertEquals("500", input.getDomAttribute("maxlength"));

    WebElement reply = widget.ask("忘記密碼怎麼辦");

    assertEquals("忘記密碼怎麼辦", WidgetPage.text(widget.rows().get(widget.rows().indexOf(reply) - 1)));
    assertEquals("answer", reply.getDomAttribute("data-type"));
    assertNotEquals("fallback", reply.getDomAttribute("data-answer-id"));
    assertTrue(WidgetPage.text(reply).contains("忘記"), WidgetPage.text(reply));
    assertEquals("", input.getDomProperty("value"), "the input is emptied once sent");

    // Links open in a new tab without handing over the page.
    WebElement link = reply.findElement(By.cssSelector(".links a"));
    assertTrue(link.getDomProperty("href").startsWith("https://"));
    assertEquals("_blank", link.getDomAttribute("target"));
    assertEquals("noopener noreferrer", link.getDomAttribute("rel"));

    // An empty or blank question is not sent.
    int rows = widget.rows().size();
    input.sendKeys("   ");
    widget.find(".send").click();
    widget.awaitIdle();
    assertEquals(rows, widget.rows().size());
  }
}
