package tw.ecpa.bot.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tw.ecpa.assistant.DevMail;

/**
 * What the widget action tests share: the forms inside the conversation, the development mailbox read over HTTP
 * and everything the widget holds, to look for what it must not keep.
 */
final class WidgetActionsKit {

  private final WidgetPage widget;

  WidgetActionsKit(WidgetPage widget) {
    this.widget = widget;
  }

  /** The newest live form in the log, once the widget is idle with at least this many rows. */
  WebElement form(String formId, int atLeastRows) {
    widget.awaitIdle(atLeastRows);
    List<WebElement> forms = widget.all(".row.form form[data-form-id='" + formId + "']");
    if (forms.isEmpty()) {
      throw new AssertionError("no live form " + formId + " in " + widget.rows().stream().map(WidgetPage::text).toList());
    }
    return forms.get(forms.size() - 1);
  }

  /** The input of a form with this name. */
  static WebElement field(WebElement form, String name) {
    return form.findElement(By.cssSelector("[name='" + name + "']"));
  }

  /** The label tied to an input (by its id). */
  static WebElement label(WebElement form, WebElement input) {
    return form.findElement(By.cssSelector("label[for='" + input.getDomAttribute("id") + "']"));
  }

  /** Types into the input of a form with this name. */
  static void type(WebElement form, String name, String text) {
    field(form, name).sendKeys(text);
  }

  /** The captcha answer the test-mode server put in the image's data-answer (never shown). */
  static String captchaAnswer(WebElement form) {
    String answer = form.findElement(By.cssSelector("img.captcha-img")).getDomAttribute("data-answer");
    if (answer == null || answer.isEmpty()) {
      throw new AssertionError("no data-answer on the captcha");
    }
    return answer;
  }

  /** Presses the form's submit button; returns the number of rows before, to wait for the reply from. */
  int submit(WebElement form) {
    int before = widget.rows().size();
    form.findElement(By.cssSelector(".form-submit")).click();
    return before;
  }

  /** The row of the newest message of this type. */
  WebElement last(String type) {
    List<WebElement> rows = widget.all(".row[data-type='" + type + "']");
    return rows.get(rows.size() - 1);
  }

  /** The 8-character code of the first reset-code mail to an address that arrived since {@code mail} was opened. */
  static String mailedCode(DevMail mail, String to) {
    return DevMail.find(mail.await(to, "您的認證碼", 1), "您的認證碼[：:]\\s*([A-Z0-9]{8})");
  }

  /**
   * Everything the widget holds where a secret could hide: its transcript in sessionStorage and localStorage,
   * the page's markup with the widget's shadow tree, and the value of every input in it.
   */
  String everything() {
    return (String) widget.js("var h = document.getElementById('ecpa-chat');"
        + "var values = Array.prototype.map.call(h.shadowRoot.querySelectorAll('input, textarea'), function (i) {"
        + "  return i.value; });"
        + "var storage = []; for (var i = 0; i < sessionStorage.length; i++) {"
        + "  storage.push(sessionStorage.key(i) + '=' + sessionStorage.getItem(sessionStorage.key(i))); }"
        + "for (var j = 0; j < localStorage.length; j++) {"
        + "  storage.push(localStorage.key(j) + '=' + localStorage.getItem(localStorage.key(j))); }"
        + "return storage.join('\\n') + document.documentElement.outerHTML + h.shadowRoot.innerHTML + values.join('\\n');");
  }
}
