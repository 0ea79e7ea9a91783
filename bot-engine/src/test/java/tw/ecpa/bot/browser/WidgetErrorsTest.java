package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** Waiting, refusals and a lost connection, as the user sees them. */
class WidgetErrorsTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser().freshTabBeforeEach();

  @Test
  void whileWaiting_aTypingIndicatorShows() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    widget.awaitIdle(2);
    // Hold the next request until the test lets it go.
    widget.js("var real = window.fetch; window.__release = null;"
        + "window.fetch = function (u, o) { return new Promise(function (r) { window.__release = r; })"
        + "  .then(function () { return real(u, o); }); };");
    widget.find(".question").sendKeys("忘記密碼怎麼辦");
    widget.find(".send").click();

    WebElement typing = widget.find(".typing-row");
    assertTrue(typing.isDisplayed());
    assertEquals("true", widget.find(".log").getDomAttribute("aria-busy"));
    assertEquals("忘記密碼怎麼辦", WidgetPage.text(widget.all(".row.user").get(0)));
    portal.browser().screenshot("widget-typing");

    portal.browser().await(d -> widget.js("return typeof window.__release === 'function';"));
    widget.js("window.__release();");
    widget.awaitIdle(4);
    assertTrue(widget.all(".typing-row").isEmpty());
    assertEquals("account.forgot-password", widget.rows().get(3).getDomAttribute("data-answer-id"));
  }

  @Test
  void tooManyTurns_showsTheServersMessage() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    widget.awaitIdle(2);
    String path = "/api/chat/sessions/" + widget.sessionId() + "/messages";
    for (int i = 0; i < 40 && portal.server().post(path, Map.of("text", "客服專線")).status() != 429; i++) {
      // use up this conversation's turns for the minute
    }

    WebElement reply = widget.ask("忘記密碼怎麼辦");

    assertEquals("error", reply.getDomAttribute("data-type"));
    assertEquals("您的提問太頻繁了，請稍候一分鐘再試。", WidgetPage.text(reply));
    portal.browser().screenshot("widget-error");
  }

  @Test
  void noConnection_saysSo() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    widget.awaitIdle(2);
    widget.js("window.fetch = function () { return Promise.reject(new TypeError('Failed to fetch')); };");

    WebElement reply = widget.ask("忘記密碼怎麼辦");

    assertEquals("error", reply.getDomAttribute("data-type"));
    assertTrue(WidgetPage.text(reply).contains("無法連線"), WidgetPage.text(reply));
  }
}
