package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tw.ecpa.bot.feedback.Satisfaction;
import tw.ecpa.bot.feedback.jdbc.JdbcFeedbackStore;
import tw.ecpa.portal.security.Secrets;

/** 滿意度調查 inside the panel: 1 to 5 and a comment, posted to the satisfaction route. */
class WidgetSurveyTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @Test
  void fourWithAComment_isThankedAndStored() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    widget.ask("登入時顯示解密失敗");
    String sessionId = widget.sessionId();

    widget.find(".tool[data-tool='survey']").click();
    WebElement survey = widget.find(".survey");
    assertFalse(widget.all(".body").get(0).isDisplayed(), "the survey replaces the conversation view");
    List<String> labels = widget.all(".score span").stream().map(WebElement::getText).toList();
    assertEquals(List.of("非常不滿意", "不滿意", "普通", "滿意", "非常滿意"), labels);
    assertEquals("500", widget.find("#ecpa-comment").getDomAttribute("maxlength"));

    // Sending without a score asks for one.
    widget.find(".survey .primary").click();
    assertTrue(widget.find(".survey .message").getText().contains("請選擇"));

    widget.all(".score").get(3).click();
    assertEquals("4", widget.find(".score.checked").findElement(By.cssSelector("input")).getDomProperty("value"));
    widget.find("#ecpa-comment").sendKeys("解密失敗的說明很清楚");
    assertEquals("10/500", widget.find("#ecpa-comment-counter").getText());
    portal.browser().screenshot("widget-survey");
    widget.find(".survey .primary").click();

    WebElement thanks = widget.find(".thanks");
    assertTrue(thanks.getText().contains("感謝"), thanks.getText());
    assertTrue(survey.isDisplayed());
    portal.browser().screenshot("widget-survey-thanks");

    // The server kept it: 4, the comment, where the conversation stood.
    Satisfaction stored = new JdbcFeedbackStore(portal.server().server().portal().database().dataSource()).recent(10).stream()
        .filter(s -> s.conversationHash().equals(Secrets.sha256(sessionId))).findFirst().orElseThrow();
    assertEquals(4, stored.score());
    assertEquals("解密失敗的說明很清楚", stored.comment());
    assertEquals("moica.error.decrypt-failure", stored.lastNodeId());

    // Back to the conversation.
    widget.find(".thanks + .actions .primary").click();
    assertTrue(widget.find(".question").isDisplayed());
    assertFalse(survey.isDisplayed());
  }

  @Test
  void anUnknownConversation_showsTheServersMessage_andEndingOffersTheSurveyFirst() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/");
    widget.js("sessionStorage.clear();");
    widget.reload().openPanel();
    widget.js("var s = JSON.parse(sessionStorage.getItem('ecpa-chat:state')); s.sessionId = 'gone-0000';"
        + "sessionStorage.setItem('ecpa-chat:state', JSON.stringify(s));");
    widget.reload();

    // 結束對話 offers the survey first; an unknown conversation gets the server's message.
    widget.find(".tool[data-tool='end']").click();
    widget.find(".confirm-survey").click();
    widget.all(".score").get(4).click();
    widget.find(".survey .primary").click();
    assertTrue(widget.find(".survey .message").getText().contains("對話已結束"),
        widget.find(".survey .message").getText());

    widget.find(".survey .secondary").click();
    widget.find(".tool[data-tool='end']").click();
    widget.find(".confirm-end").click();
    widget.awaitIdle(2);
    String fresh = widget.sessionId();
    widget.find(".tool[data-tool='end']").click();
    widget.find(".confirm-survey").click();
    widget.all(".score").get(4).click();
    widget.find(".survey .primary").click();
    widget.find(".thanks");
    assertEquals("結束對話並開始新對話", widget.find(".thanks + .actions .primary").getText());
    widget.find(".thanks + .actions .primary").click();
    widget.awaitIdle(2);
    assertFalse(fresh.equals(widget.sessionId()));
    assertEquals("menu.main", widget.rows().get(1).getDomAttribute("data-answer-id"));
  }
}
