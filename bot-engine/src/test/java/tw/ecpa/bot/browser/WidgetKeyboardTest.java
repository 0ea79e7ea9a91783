package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The widget with the keyboard only, and its ARIA roles and names. */
class WidgetKeyboardTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @Test
  void tabEnterTypeTabEnterEscape() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/");
    widget.js("sessionStorage.clear(); localStorage.clear();");
    widget.reload();
    Actions keys = new Actions(portal.browser().driver());

    // Tab from the top of the page to the launcher.
    WebElement launcher = widget.find(".launcher");
    for (int i = 0; i < 80 && !launcher.equals(widget.focused()); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertEquals(launcher, widget.focused(), "Tab reaches the launcher");
    assertEquals("false", launcher.getDomAttribute("aria-expanded"));
    assertTrue(widget.style(launcher, "outline-style").equals("solid"), "a visible focus ring");

    keys.sendKeys(Keys.ENTER).perform();
    widget.find(".panel");
    assertEquals(widget.find(".question"), widget.focused(), "focus lands in the input");
    assertEquals("true", launcher.getDomAttribute("aria-expanded"));
    widget.awaitIdle(2);

    int before = widget.rows().size();
    keys.sendKeys("忘記密碼怎麼辦").sendKeys(Keys.ENTER).perform();
    WebElement reply = widget.awaitReply(before);
    assertEquals("account.forgot-password", reply.getDomAttribute("data-answer-id"));

    // Shift+Tab from the input walks back into the log's option buttons (past the notice's 在對話中重設密碼, which
    // starts a form, and the answer's 👍/👎).
    WebElement option = null;
    for (int i = 0; i < 20 && option == null; i++) {
      keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
      WebElement focused = widget.focused();
      if (focused != null && focused.getDomAttribute("class").contains("option")
          && !focused.getDomAttribute("data-option").startsWith("act.")) {
        option = focused;
      }
    }
    assertNotNull(option, "Tab reaches an option button");
    String label = option.getText();
    before = widget.rows().size();
    keys.sendKeys(Keys.ENTER).perform();
    WebElement next = widget.awaitReply(before);
    assertEquals(label, WidgetPage.text(widget.rows().get(before)));
    assertNotNull(next.getDomAttribute("data-answer-id"));

    // Space works on buttons too: the font buttons, reached from the title bar.
    widget.find(".fonts button[data-size='l']");
    ((org.openqa.selenium.JavascriptExecutor) portal.browser().driver()).executeScript(
        "arguments[0].focus();", widget.find(".fonts button[data-size='s']"));
    keys.sendKeys(Keys.SPACE).perform();
    assertEquals("true", widget.find(".fonts button[data-size='s']").getDomAttribute("aria-pressed"));

    // Escape closes the panel and gives the focus back to the launcher.
    widget.find(".question").click();
    keys.sendKeys(Keys.ESCAPE).perform();
    portal.browser().await(d -> !widget.panelOpen());
    assertEquals(widget.find(".launcher"), widget.focused());
    assertEquals("false", launcher.getDomAttribute("aria-expanded"));
    assertFalse(widget.panelOpen());
  }

  @Test
  void rolesAndNames() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/");
    widget.js("sessionStorage.clear();");
    widget.reload().openPanel();
    WebElement panel = widget.find(".panel");
    assertEquals("dialog", panel.getDomAttribute("role"));
    assertEquals("行政院人事行政總處智慧客服", panel.getDomAttribute("aria-label"));
    WebElement log = widget.find(".log");
    assertEquals("log", log.getDomAttribute("role"));
    assertEquals("polite", log.getDomAttribute("aria-live"));
    assertEquals("行政院人事行政總處智慧客服", widget.find(".title").getText());
    for (WebElement button : widget.all("button")) {
      if (!button.isDisplayed()) {
        continue;
      }
      String name = button.getAccessibleName();
      assertFalse(name == null || name.isBlank(), "a button without a name: " + button.getDomAttribute("class"));
    }
    assertEquals("縮小智慧客服視窗", widget.find(".close").getAccessibleName());
    assertEquals("您的提問", widget.find(".question").getAccessibleName());
    for (String tool : new String[] {"滿意度調查", "注意事項", "結束對話"}) {
      assertTrue(widget.all(".tool").stream().anyMatch(b -> b.getText().equals(tool)), tool);
    }

    // 注意事項 adds the usage notes as a notice.
    widget.find(".tool[data-tool='notes']").click();
    WebElement notes = widget.find(".row.notice:last-child");
    assertTrue(WidgetPage.text(notes).contains("02-23979108"));
    assertTrue(WidgetPage.text(notes).contains("請勿輸入密碼"));
    assertTrue(notes.findElement(By.cssSelector("time")).getText().matches("\\d{2}:\\d{2}"));
  }
}
