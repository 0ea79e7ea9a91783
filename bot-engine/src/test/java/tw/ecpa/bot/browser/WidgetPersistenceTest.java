package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** The conversation survives navigation and reloads; 結束對話 starts afresh; a forgotten session is replaced. */
class WidgetPersistenceTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser().freshTabBeforeEach();

  @Test
  void transcriptAndSession_surviveNavigationAndReload_andEndingStartsAfresh() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    WebElement first = widget.ask("忘記密碼怎麼辦");
    String sessionId = widget.sessionId();
    assertNotNull(sessionId);
    String firstAnswer = WidgetPage.text(first);
    int rows = widget.rows().size();
    String lastRow = WidgetPage.text(widget.rows().get(rows - 1));

    // A real page load of another URL of the site.
    widget = WidgetPage.open(portal.browser(), "/index.html?next");
    assertTrue(portal.browser().driver().getCurrentUrl().endsWith("/index.html?next"));
    assertTrue(widget.panelOpen(), "the panel is still open");
    widget.find(".row.user");
    assertEquals(rows, widget.rows().size());
    assertTrue(widget.all(".row.user").stream().anyMatch(r -> WidgetPage.text(r).equals("忘記密碼怎麼辦")));
    assertEquals(firstAnswer, WidgetPage.text(widget.find(".row[data-answer-id='account.forgot-password']")));
    assertEquals(lastRow, WidgetPage.text(widget.rows().get(rows - 1)));

    // The next question continues the same conversation: 回上一層 is answered from where it stood.
    WebElement second = widget.ask("自然人憑證讀取失敗");
    assertEquals("answer", second.getDomAttribute("data-type"));
    assertEquals(sessionId, widget.sessionId());
    assertEquals(rows + 2, widget.rows().size());

    // A reload keeps it too, and a closed panel stays closed.
    widget.reload();
    assertEquals(rows + 2, widget.rows().size());
    assertEquals(sessionId, widget.sessionId());
    widget.find(".close").click();
    assertFalse(widget.panelOpen());
    widget.reload();
    assertFalse(widget.panelOpen());
    widget.openPanel();
    assertEquals(rows + 2, widget.rows().size(), "reopening does not start another conversation");

    // 結束對話: confirm, the transcript is forgotten and a fresh greeting starts a new conversation.
    widget.find(".tool[data-tool='end']").click();
    widget.find(".confirm-end").click();
    widget.awaitIdle(2);
    List<WebElement> after = widget.rows();
    assertEquals(2, after.size(), "greeting and main menu only");
    assertEquals("menu.main", after.get(1).getDomAttribute("data-answer-id"));
    assertTrue(widget.all(".row.user").isEmpty());
    assertNotNull(widget.sessionId());
    assertNotEquals(sessionId, widget.sessionId());
    widget.reload();
    assertEquals(2, widget.rows().size());
  }

  @Test
  void aSessionTheServerForgot_isReplacedTransparently() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    widget.js("var s = JSON.parse(sessionStorage.getItem('ecpa-chat:state')); s.sessionId = 'gone-0000';"
        + "sessionStorage.setItem('ecpa-chat:state', JSON.stringify(s));");
    widget.reload();

    WebElement reply = widget.ask("忘記密碼怎麼辦");
    assertEquals("answer", reply.getDomAttribute("data-type"));
    assertNotEquals("gone-0000", widget.sessionId());
    assertTrue(widget.all(".row.error").isEmpty(), "no error shown");
    assertEquals(1, widget.all(".divider").size());
  }
}
