package tw.ecpa.bot.browser;

import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tw.ecpa.assistant.RunningServer;
import tw.ecpa.assistant.TestServer;

/**
 * A test class's server and browser: a {@link TestServer} (through a {@link RunningServer}) and a desktop-sized
 * {@link Browser} on it, started once before the class's tests and closed after them (the browser first, then the
 * server, even if the browser fails to close). Used as
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PortalInBrowser portal = new PortalInBrowser();
 * }</pre>
 *
 * <p>The server's clock starts at a chosen working morning, whatever the browser's clock says (the pages take the
 * times they fill in from the server); {@link #clock(Clock)} puts it on a clock the test moves,
 * {@link #freshTabBeforeEach()} is for widget tests that each start on the home page with nothing stored, and
 * {@link #freshForEachTest()} for a class whose tests change what the others read.
 */
final class PortalInBrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private boolean freshTabBeforeEach;
  private boolean freshForEachTest;

  private final RunningServer server = new RunningServer();
  private Browser browser;
  private PortalPagesKit pages;

  /** Starts the server on this clock instead of the default one. */
  PortalInBrowser clock(Clock clock) {
    server.clock(clock);
    return this;
  }

  /**
   * Before each test, opens the home page and clears its sessionStorage and localStorage, as a new tab of a
   * browser that never held a conversation.
   */
  PortalInBrowser freshTabBeforeEach() {
    this.freshTabBeforeEach = true;
    return this;
  }

  /** A new server and browser for each test (see {@link RunningServer#freshForEachTest()}). */
  PortalInBrowser freshForEachTest() {
    this.freshForEachTest = true;
    server.freshForEachTest();
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!freshForEachTest) {
      open(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (freshForEachTest) {
      open(context);
    }
    if (freshTabBeforeEach) {
      browser().go("/");
      new WidgetPage(browser()).js("sessionStorage.clear(); localStorage.clear();");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (freshForEachTest) {
      close(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close(context);
  }

  private void open(ExtensionContext context) {
    server.beforeAll(context);
    server.beforeEach(context);
    try {
      browser = Browser.open(server.base());
    } catch (RuntimeException | Error e) {
      server.afterAll(context);
      throw e;
    }
    pages = new PortalPagesKit(browser, server.base());
  }

  private void close(ExtensionContext context) {
    Browser openBrowser = browser;
    browser = null;
    pages = null;
    try {
      if (openBrowser != null) {
        openBrowser.close();
      }
    } finally {
      server.afterAll(context);
    }
  }

  /** The server, started before the class's tests (or before this test). */
  TestServer server() {
    return server.get();
  }

  /** The desktop-sized browser (1280 × 900) on the server, shared by the class's tests. */
  Browser browser() {
    return started(browser);
  }

  /** The portal pages' helper on {@link #browser()}. */
  PortalPagesKit pages() {
    return started(pages);
  }

  /** Another browser on the same server, with a window of this size; the caller closes it. */
  Browser anotherBrowser(int width, int height) {
    return Browser.open(server().base(), width, height);
  }

  /** The portal pages' helper on another browser of the same server. */
  PortalPagesKit pages(Browser other) {
    return new PortalPagesKit(other, server().base());
  }

  private static <T> T started(T value) {
    if (value == null) {
      throw new IllegalStateException("PortalInBrowser is used outside its test class's run: register it with"
          + " @RegisterExtension on a static field");
    }
    return value;
  }
}
