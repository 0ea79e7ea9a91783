package tw.ecpa.bot.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import tw.ecpa.assistant.TestServer;

/**
 * What the portal page tests do in a browser, in the pages' own terms: type into a field, press a
 * button, wait for a message, read the development mailbox page, take a whole-page screenshot.
 */
final class PortalPagesKit {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Browser browser;
  private final String base;

  PortalPagesKit(Browser browser, String base) {
    this.browser = browser;
    this.base = base;
  }

  /** Replaces the text of the input with this id. */
  PortalPagesKit type(String id, String text) {
    WebElement input = browser.find(By.id(id));
    input.clear();
    input.sendKeys(text);
    return this;
  }

  /** Clicks the displayed element. */
  PortalPagesKit click(By by) {
    browser.click(by);
    return this;
  }

  /** Clicks the form's submit button. */
  PortalPagesKit submit(String formId) {
    return click(By.cssSelector("#" + formId + " button[type=submit]"));
  }

  /** Waits until the element with this id shows a text containing the expected part; returns the text. */
  String awaitText(String id, String expected) {
    return browser.await(d -> {
      try {
        List<WebElement> found = d.findElements(By.id(id));
        if (found.isEmpty() || !found.get(0).isDisplayed()) {
          return null;
        }
        String text = found.get(0).getText();
        return text.contains(expected) ? text : null;
      } catch (StaleElementReferenceException e) {
        return null;
      }
    });
  }

  /** Waits until the page's path and query contain this part. */
  String awaitUrl(String part) {
    return browser.await(d -> d.getCurrentUrl().contains(part) ? d.getCurrentUrl() : null);
  }

  /** The captcha answer the test-mode server put in the image's data-answer (never shown). */
  String captchaAnswer() {
    return browser.await(d -> {
      String answer = d.findElement(By.id("captcha-image")).getDomAttribute("data-answer");
      return answer == null || answer.isEmpty() ? null : answer;
    });
  }

  /** Logs in on the login page and waits to leave it. */
  PortalPagesKit login(String account, String password) {
    browser.go("/");
    browser.await(d -> "true".equals(d.findElement(By.id("panel-password")).getDomAttribute("data-enabled")));
    type("account", account).type("password", password).click(By.id("login-submit"));
    awaitUrl("html");
    return this;
  }

  /**
   * Opens the development mailbox page and waits (pressing 重新整理) for a mail to this address whose
   * text contains the part; returns the newest such mail's text as the page shows it.
   */
  String newestMail(String to, String containing) {
    browser.go("/dev/mailbox.html");
    return browser.await(d -> {
      try {
        for (WebElement mail : d.findElements(By.cssSelector("#mail-list .mail"))) {
          String text = mail.findElement(By.tagName("pre")).getText();
          if (mail.findElement(By.className("mail-to")).getText().equals(to) && text.contains(containing)) {
            return text;
          }
        }
        d.findElement(By.id("mail-refresh")).click();
        return null;
      } catch (StaleElementReferenceException e) {
        return null;
      }
    });
  }

  /** Group 1 of the first match in a text. */
  static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new AssertionError("no " + regex + " in " + text);
    }
    return m.group(1);
  }

  /** Whether the page scrolls sideways. */
  boolean scrollsSideways() {
    Object wider = ((JavascriptExecutor) browser.driver())
        .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
    return Boolean.TRUE.equals(wider);
  }

  /** Saves the whole page (not only the window) as {@code target/screenshots/page-<name>.png}. */
  Path screenshot(String name) {
    Dimension window = browser.driver().manage().window().getSize();
    Number height = (Number) ((JavascriptExecutor) browser.driver())
        .executeScript("return Math.ceil(document.documentElement.scrollHeight + (window.outerHeight - window.innerHeight));");
    int tall = Math.max(window.getHeight(), Math.min(height.intValue(), 6000));
    browser.driver().manage().window().setSize(new Dimension(window.getWidth(), tall));
    try {
      return browser.screenshot("page-" + name);
    } finally {
      browser.driver().manage().window().setSize(window);
    }
  }

  /** A GET of the API with the browser's session cookie (HttpOnly, so only WebDriver can read it). */
  ApiReply apiWithBrowserSession(String path) {
    Cookie cookie = browser.driver().manage().getCookieNamed("ECPA_SESSION");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TestServer.PATIENCE);
    if (cookie != null) {
      request.header("Cookie", cookie.getName() + "=" + cookie.getValue());
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new ApiReply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A status and body. */
  record ApiReply(int status, String body) {}
}
