package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Nothing from the user or the server is ever parsed as HTML; only http(s) links become links. */
class WidgetXssTest {

  static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
  static final String SCRIPT = "<script>window.__xss=1</script>";

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @Test
  void markupInAQuestion_isShownAsText() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    widget.ask(IMG);
    widget.ask(SCRIPT);

    List<WebElement> users = widget.all(".row.user");
    assertEquals(List.of(IMG, SCRIPT), users.stream().map(WidgetPage::text).toList());
    assertTrue(users.get(0).getText().contains(IMG), "visible literally");
    assertNull(widget.js("return window.__xss;"));
    assertTrue(widget.all(".log img").isEmpty());
    assertTrue(widget.all(".log script").isEmpty());

    // After a reload the transcript is rebuilt from storage, still as text.
    widget.reload();
    widget.find(".row.user");
    assertEquals(List.of(IMG, SCRIPT), widget.all(".row.user").stream().map(WidgetPage::text).toList());
    assertNull(widget.js("return window.__xss;"));
    assertTrue(widget.all(".log img").isEmpty());
  }

  @Test
  void markupAndScriptLinksInAnAnswer_areShownAsText() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/");
    // A bot message as a compromised server (or tampered storage) could send it.
    widget.js("sessionStorage.setItem('ecpa-chat:state', JSON.stringify({sessionId: null, open: true, messages: [{"
        + "type: 'answer', text: arguments[0], time: '2026-11-23T13:38:41+08:00',"
        + "options: [{id: 'x', label: arguments[1]}],"
        + "links: [{label: 'bad', url: 'javascript:window.__xss=1'}, {label: 'data', url: 'data:text/html,<b>x</b>'},"
        + "        {label: '<img src=x onerror=window.__xss=1>', url: 'https://ecpa.dgpa.gov.tw'}]}]}));", IMG, SCRIPT);
    widget.reload();

    WebElement answer = widget.find(".row[data-type='answer']");
    assertEquals(IMG, WidgetPage.text(answer));
    assertEquals(SCRIPT, answer.findElement(By.cssSelector(".option")).getText());
    List<WebElement> anchors = answer.findElements(By.cssSelector(".links a"));
    assertEquals(1, anchors.size(), "only the https link is a link");
    assertEquals("https://ecpa.dgpa.gov.tw/", anchors.get(0).getDomProperty("href"));
    assertTrue(anchors.get(0).getDomProperty("textContent").startsWith("<img src=x"));
    List<WebElement> items = answer.findElements(By.cssSelector(".links li"));
    assertTrue(items.get(0).getText().contains("javascript:window.__xss=1"), "shown as text");
    assertTrue(widget.all(".log img").isEmpty());
    assertTrue(widget.all(".log b").isEmpty());
    assertNull(widget.js("return window.__xss;"));
  }
}
