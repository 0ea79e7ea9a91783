package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tw.ecpa.bot.feedback.AnswerVote;
import tw.ecpa.bot.feedback.jdbc.JdbcFeedbackStore;

/** 👍/👎 under an answer: sent to the feedback route, thanked, and still shown as voted after a reload. */
class WidgetActionsThumbsTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @Test
  void thumbsDown_isThanked_keptAcrossAReload_andStored() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/");
    widget.js("sessionStorage.clear();");
    widget.reload().openPanel();
    // Menus and notices have no thumbs; answers do.
    assertTrue(widget.all(".vote").isEmpty(), "not on the greeting or the main menu");
    WebElement answer = widget.ask("登入時顯示解密失敗");
    String answerId = answer.getDomAttribute("data-answer-id");
    assertEquals("moica.error.decrypt-failure", answerId);

    WebElement up = answer.findElement(By.cssSelector(".thumb.up"));
    WebElement down = answer.findElement(By.cssSelector(".thumb.down"));
    assertEquals("這個回答有幫助", up.getAccessibleName());
    assertEquals("這個回答沒有幫助", down.getAccessibleName());
    assertEquals("false", up.getDomAttribute("aria-pressed"));
    assertEquals("false", down.getDomAttribute("aria-pressed"));
    assertTrue(up.getText().contains("有幫助") && down.getText().contains("沒幫助"));

    down.click();
    WebElement thanks = widget.find(".row[data-answer-id='" + answerId + "'] .vote-note");
    assertEquals("感謝您的回饋", thanks.getText());
    assertEquals("true", down.getDomAttribute("aria-pressed"));
    assertEquals("false", up.getDomAttribute("aria-pressed"));
    portal.browser().screenshot("widget-thumbs");

    widget.reload();
    WebElement again = widget.find(".row[data-answer-id='" + answerId + "']");
    assertEquals("true", again.findElement(By.cssSelector(".thumb.down")).getDomAttribute("aria-pressed"));
    assertEquals("false", again.findElement(By.cssSelector(".thumb.up")).getDomAttribute("aria-pressed"));
    assertEquals("感謝您的回饋", again.findElement(By.cssSelector(".vote-note")).getText());

    JdbcFeedbackStore store = new JdbcFeedbackStore(portal.server().server().portal().database().dataSource());
    assertEquals(new AnswerVote.Tally(answerId, 0, 1),
        store.tallies().stream().filter(t -> t.answerId().equals(answerId)).findFirst().orElseThrow());

    // Changing one's mind replaces the vote: still one per conversation.
    again.findElement(By.cssSelector(".thumb.up")).click();
    portal.browser().await(d -> "true".equals(widget.find(".row[data-answer-id='" + answerId + "'] .thumb.up")
        .getDomAttribute("aria-pressed")));
    assertEquals(new AnswerVote.Tally(answerId, 1, 0),
        store.tallies().stream().filter(t -> t.answerId().equals(answerId)).findFirst().orElseThrow());
  }
}
