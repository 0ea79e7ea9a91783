package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tw.ecpa.assistant.DevMail;

/** The password reset inside the widget with the keyboard only: Tab to move, Enter to press and send. */
class WidgetActionsKeyboardTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @Test
  void theResetForms_withTabAndEnterOnly() {
    DevMail mail = DevMail.from(portal.server());
    WidgetPage widget = WidgetPage.open(portal.browser(), "/");
    widget.js("sessionStorage.clear(); localStorage.clear();");
    widget.reload();
    WidgetActionsKit kit = new WidgetActionsKit(widget);
    Actions keys = new Actions(portal.browser().driver());

    WebElement launcher = widget.find(".launcher");
    for (int i = 0; i < 80 && !launcher.equals(widget.focused()); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertEquals(launcher, widget.focused(), "Tab reaches the launcher");
    keys.sendKeys(Keys.ENTER).perform();
    widget.find(".panel");
    widget.awaitIdle(2);
    int before = widget.rows().size();
    keys.sendKeys("忘記密碼怎麼辦").sendKeys(Keys.ENTER).perform();
    widget.awaitReply(before);

    // Shift+Tab back from the question box to 在對話中重設密碼, Enter: the focus lands in the form.
    shiftTabTo(widget, keys, "act.password-reset");
    before = widget.rows().size();
    keys.sendKeys(Keys.ENTER).perform();
    WebElement request = kit.form("password-reset.request", before + 2);
    assertEquals(WidgetActionsKit.field(request, "idNumber"), widget.focused(), "the focus is in the first input");
    assertEquals("solid", widget.style(widget.focused(), "outline-style"), "with a visible focus ring");

    String answer = WidgetActionsKit.captchaAnswer(request);
    keys.sendKeys("H120987659").sendKeys(Keys.TAB).perform();
    assertEquals(WidgetActionsKit.field(request, "email"), widget.focused());
    keys.sendKeys("chouzm@demo.ecpa.test").sendKeys(Keys.TAB).perform();
    assertEquals(WidgetActionsKit.field(request, "captchaAnswer"), widget.focused(), "the image is not a stop");
    keys.sendKeys(answer).sendKeys(Keys.TAB).perform();
    assertEquals(WidgetActionsKit.field(request, "sendAccount"), widget.focused());
    keys.sendKeys(Keys.TAB).perform();
    assertEquals("送出", widget.focused().getText());
    before = widget.rows().size();
    keys.sendKeys(Keys.ENTER).perform();

    // The verify form takes the focus; Enter in its last input sends it.
    WebElement verify = kit.form("password-reset.verify", before + 3);
    assertEquals(WidgetActionsKit.field(verify, "accountOrId"), widget.focused());
    String code = WidgetActionsKit.mailedCode(mail, "chouzm@demo.ecpa.test");
    keys.sendKeys("chouzm").sendKeys(Keys.TAB).sendKeys(code).sendKeys(Keys.TAB)
        .sendKeys("Keys-New2026#").sendKeys(Keys.TAB).sendKeys("Keys-New2026#").perform();
    assertEquals(WidgetActionsKit.field(verify, "confirmPassword"), widget.focused());
    before = widget.rows().size();
    keys.sendKeys(Keys.ENTER).perform();
    widget.awaitIdle(before + 2);
    WebElement done = widget.rows().get(before + 1);
    assertTrue(WidgetPage.text(done).contains("密碼重設完成"), WidgetPage.text(done));
    assertEquals(widget.find(".question"), widget.focused(), "the focus goes back to the question box");
    assertEquals(200, portal.server().post("/api/auth/login", Map.of("account", "chouzm", "password", "Keys-New2026#")).status());

    // 離開 is a button of the form too: Tab to it, Enter.
    before = widget.rows().size();
    keys.sendKeys("忘記密碼怎麼辦").sendKeys(Keys.ENTER).perform();
    widget.awaitReply(before);
    shiftTabTo(widget, keys, "act.password-reset");
    before = widget.rows().size();
    keys.sendKeys(Keys.ENTER).perform();
    kit.form("password-reset.request", before + 2);
    for (int i = 0; i < 8 && !"form.leave".equals(widget.focused().getDomAttribute("data-option")); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertEquals("離開", widget.focused().getText());
    before = widget.rows().size();
    keys.sendKeys(Keys.ENTER).perform();
    widget.awaitIdle(before + 2);
    assertTrue(WidgetPage.text(widget.rows().get(before + 1)).contains("已離開表單"));
    assertTrue(widget.all(".row.form form").isEmpty(), "the form is gone");
    assertEquals(widget.find(".question"), widget.focused());
  }

  /** Presses Shift+Tab (from the question box) until the option with this id has the focus. */
  private static void shiftTabTo(WidgetPage widget, Actions keys, String optionId) {
    for (int i = 0; i < 15; i++) {
      keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
      WebElement focused = widget.focused();
      if (focused != null && optionId.equals(focused.getDomAttribute("data-option"))) {
        return;
      }
    }
    throw new AssertionError("Shift+Tab does not reach " + optionId);
  }
}
