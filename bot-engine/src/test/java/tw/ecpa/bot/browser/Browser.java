package tw.ecpa.bot.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for page and widget tests: Debian's {@code chromium} driven by its own
 * {@code chromedriver} (both installed by {@code .ci/run}); nothing is downloaded. {@code CHROME_BIN}
 * and {@code CHROMEDRIVER} override the two paths.
 */
public final class Browser implements AutoCloseable {

  /** How long a browser test waits for what it expects to see: generous, for a busy machine. */
  public static final Duration PATIENCE = Duration.ofSeconds(30);

  /** Where screenshots go, to be looked at after a run. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Idle browsers by whether they allow pop-ups, closed when the test JVM ends. */
  private static final Map<Boolean, Deque<ChromeDriver>> IDLE = Map.of(true, new ArrayDeque<>(), false,
      new ArrayDeque<>());

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (IDLE) {
        IDLE.values().forEach(idle -> idle.forEach(ChromeDriver::quit));
      }
    }, "browsers-quit"));
  }

  private final ChromeDriver driver;
  private final String base;
  private final boolean allowPopups;

  private Browser(ChromeDriver driver, String base, boolean allowPopups) {
    this.driver = driver;
    this.base = base;
    this.allowPopups = allowPopups;
  }

  /** Starts a browser for a server at this base URL, with a desktop-sized window. */
  public static Browser open(String base) {
    return open(base, 1280, 900);
  }

  /** Starts a browser for a server at this base URL, with a window of this size. */
  public static Browser open(String base, int width, int height) {
    return open(base, width, height, true);
  }

  /**
   * Starts a browser for a server at this base URL, with a window of this size; {@code allowPopups} false keeps
   * Chrome's pop-up blocker on, as in a user's browser (ChromeDriver turns it off by default). A Chromium that an
   * earlier test closed is used again when one is idle (starting one costs seconds of CPU); it comes with no
   * cookies, no stored data of the sites it showed and one blank window, as a new browser would.
   */
  public static Browser open(String base, int width, int height, boolean allowPopups) {
    ChromeDriver driver;
    synchronized (IDLE) {
      driver = IDLE.get(allowPopups).poll();
    }
    if (driver == null) {
      driver = launch(allowPopups);
    }
    driver.manage().window().setSize(new Dimension(width, height));
    return new Browser(driver, base, allowPopups);
  }

  private static ChromeDriver launch(boolean allowPopups) {
    String binary = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
    String driverPath = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    if (!Files.isExecutable(Path.of(binary)) || !Files.isExecutable(Path.of(driverPath))) {
      throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver (" + binary + ", "
          + driverPath + "): apt-get install chromium chromium-driver fonts-noto-cjk, as .ci/run does");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    // No background traffic: this machine reaches no Google service, and the tries only cost time.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--lang=zh-TW", "--window-size=1280,900", "--hide-scrollbars", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic");
    if (!allowPopups) {
      options.setExperimentalOption("excludeSwitches", List.of("disable-popup-blocking"));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(driverPath).toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /** The WebDriver, for anything this class does not wrap. */
  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of the server. */
  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  /**
   * Waits up to {@link #PATIENCE} for a condition and returns its value. When it times out, the failure
   * names the page and what its messages said (alerts, error and status regions), and a screenshot is
   * saved, so a failure on a CI machine shows what the person would have seen.
   */
  public <T> T await(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, PATIENCE)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    } catch (TimeoutException e) {
      throw new TimeoutException(e.getMessage() + "\n" + whatThePageSays(), e);
    }
  }

  /** The page's address and its visible messages, with a screenshot saved; for failure reports. */
  private String whatThePageSays() {
    StringBuilder out = new StringBuilder("page: ").append(driver.getCurrentUrl());
    try {
      for (WebElement message : driver.findElements(By.cssSelector(
          "[role=alert], [role=status], [aria-live], .error, .field-error, .message"))) {
        String text = message.isDisplayed() ? message.getText().strip() : "";
        if (!text.isEmpty()) {
          out.append("\n  ").append(message.getDomAttribute("id")).append(": ").append(text);
        }
      }
      out.append("\nscreenshot: ").append(screenshot("timeout-" + System.currentTimeMillis()));
    } catch (RuntimeException e) {
      out.append("\n(could not read the page: ").append(e.getMessage()).append(')');
    }
    return out.toString();
  }

  /** Waits for an element of the page (not inside a shadow root). */
  public WebElement find(By by) {
    return await(d -> d.findElements(by).stream().findFirst().filter(WebElement::isDisplayed).orElse(null));
  }

  /** Clicks the displayed element, finding it again if the page re-renders it meanwhile. */
  public void click(By by) {
    await(d -> {
      WebElement element = d.findElements(by).stream().findFirst().filter(WebElement::isDisplayed).orElse(null);
      if (element == null) {
        return null;
      }
      element.click();
      return true;
    });
  }

  /**
   * Forgets the browser's session as a closed browser would: leaves the page first (about:blank), so no
   * script of it (a timer, a request still under way) acts after its cookies are gone, then clears every
   * cookie of every site.
   */
  public void forgetSession() {
    driver.get("about:blank");
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  /** Saves a screenshot of the window as {@code target/screenshots/<name>.png}; returns its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Gives the browser back for another test: one new blank tab, every other window closed, no cookies and nothing
   * stored by this server's pages. A browser that cannot be cleaned is quit.
   */
  @Override
  public void close() {
    try {
      // A new tab has no sessionStorage; the old ones, and any pop-up, go.
      java.util.Set<String> old = driver.getWindowHandles();
      driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
      String kept = driver.getWindowHandle();
      for (String window : old) {
        driver.switchTo().window(window).close();
      }
      driver.switchTo().window(kept);
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
      driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
    } catch (RuntimeException e) {
      driver.quit();
      return;
    }
    synchronized (IDLE) {
      IDLE.get(allowPopups).push(driver);
    }
  }
}
