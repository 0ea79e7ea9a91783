package tw.ecpa.bot.browser;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The chat widget ({@code /widget/ecpa-chat.js}) as a test sees it: its elements live in the open shadow root of
 * {@code #ecpa-chat}, reached with CSS selectors only.
 */
final class WidgetPage {

  /** The conversation's rows in the log, without the typing indicator. */
  static final String ROWS = ".log > .row:not(.typing-row)";

  private final Browser browser;

  WidgetPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens a page of the server and waits for the widget to be built on it. */
  static WidgetPage open(Browser browser, String path) {
    browser.go(path);
    WidgetPage page = new WidgetPage(browser);
    page.awaitReady();
    return page;
  }

  /** Waits for the widget on the current page (after a navigation or a reload). */
  WidgetPage awaitReady() {
    browser.await(d -> d.findElements(By.id("ecpa-chat")).isEmpty() ? null
        : root().findElements(By.cssSelector(".launcher")).stream().findFirst().orElse(null));
    return this;
  }

  WebDriver driver() {
    return browser.driver();
  }

  /** The widget's shadow root (looked up again each time, so it survives reloads). */
  SearchContext root() {
    return driver().findElement(By.id("ecpa-chat")).getShadowRoot();
  }

  /** Waits for a displayed element inside the widget. */
  WebElement find(String css) {
    return browser.await(d -> {
      try {
        return root().findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
            .orElse(null);
      } catch (StaleElementReferenceException | NoSuchElementException e) {
        return null;
      }
    });
  }

  /** Every element inside the widget matching a selector, displayed or not. */
  List<WebElement> all(String css) {
    return root().findElements(By.cssSelector(css));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver()).executeScript(script, args);
  }

  /** A computed style property of an element. */
  String style(WebElement element, String property) {
    return (String) js("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", element, property);
  }

  /** A property of an element's bounding rectangle, in CSS pixels. */
  double rect(WebElement element, String side) {
    return ((Number) js("return arguments[0].getBoundingClientRect()[arguments[1]];", element, side)).doubleValue();
  }

  /** Opens the panel with the launcher (unless it is open) and waits for the greeting in a new conversation. */
  WidgetPage openPanel() {
    if (!panelOpen()) {
      find(".launcher").click();
    }
    find(".panel");
    awaitIdle();
    return this;
  }

  boolean panelOpen() {
    return all(".panel").get(0).isDisplayed();
  }

  /** Waits until no request is pending and the log has at least this many rows. */
  void awaitIdle(int atLeastRows) {
    browser.await(d -> {
      try {
        WebElement log = root().findElement(By.cssSelector(".log"));
        return "false".equals(log.getDomAttribute("aria-busy")) && rows().size() >= atLeastRows;
      } catch (StaleElementReferenceException | NoSuchElementException e) {
        return false;
      }
    });
  }

  void awaitIdle() {
    awaitIdle(1);
  }

  List<WebElement> rows() {
    return all(ROWS);
  }

  /** Types a question and presses 送出; waits for the reply. Returns the first row of the reply. */
  WebElement ask(String question) {
    int before = rows().size();
    WebElement input = find(".question");
    input.sendKeys(question);
    find(".send").click();
    return awaitReply(before);
  }

  /** Clicks the option with this label in the latest message offering it; returns the first row of the reply. */
  WebElement choose(String label) {
    int before = rows().size();
    option(label).click();
    return awaitReply(before);
  }

  /** The button of the latest message offering this label. */
  WebElement option(String label) {
    return browser.await(d -> {
      List<WebElement> buttons = all(".row .option");
      for (int i = buttons.size() - 1; i >= 0; i--) {
        if (label.equals(buttons.get(i).getText())) {
          return buttons.get(i);
        }
      }
      return null;
    });
  }

  /** Waits for the user's row and the bot's reply after {@code before} rows; returns the reply's first row. */
  WebElement awaitReply(int before) {
    awaitIdle(before + 2);
    return rows().get(before + 1);
  }

  /** The plain text of a row's message (without the screen-reader prefix or the time). */
  static String text(WebElement row) {
    return row.findElement(By.cssSelector(".text")).getDomProperty("textContent");
  }

  /** The widget's saved conversation in sessionStorage. */
  @SuppressWarnings("unchecked")
  Map<String, Object> saved() {
    return (Map<String, Object>) js("return JSON.parse(sessionStorage.getItem('ecpa-chat:state') || 'null');");
  }

  String sessionId() {
    Map<String, Object> saved = saved();
    return saved == null ? null : (String) saved.get("sessionId");
  }

  /** The element focused inside the widget, or null when focus is elsewhere. */
  WebElement focused() {
    return (WebElement) js("var h = document.getElementById('ecpa-chat');"
        + "return document.activeElement === h ? h.shadowRoot.activeElement : null;");
  }

  /** Reloads the page and waits for the widget. */
  WidgetPage reload() {
    driver().navigate().refresh();
    return awaitReady();
  }
}
