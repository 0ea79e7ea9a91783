package tw.ecpa.bot.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tw.ecpa.bot.server.TestServer;

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

  /**
   * The 8-character code of the newest mail to an address once there are {@code count} of them, read from
   * {@code GET /dev/mail} (waits up to 15 seconds).
   */
  static String mailedCode(TestServer server, String to, int count) {
    Instant deadline = Instant.now().plusSeconds(15);
    while (Instant.now().isBefore(deadline)) {
      TestServer.Response reply = server.send("GET", "/dev/mail", null);
      List<JsonNode> mails = new java.util.ArrayList<>();
      reply.json().forEach(mail -> {
        if (mail.get("to").asText().equals(to) && mail.get("text").asText().contains("您的認證碼")) {
          mails.add(mail);
        }
      });
      if (mails.size() >= count) {
        Matcher m = Pattern.compile("您的認證碼[：:]\\s*([A-Z0-9]{8})").matcher(mails.get(0).get("text").asText());
        if (!m.find()) {
          throw new AssertionError("no code in " + mails.get(0));
        }
        return m.group(1);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no mail to " + to);
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
