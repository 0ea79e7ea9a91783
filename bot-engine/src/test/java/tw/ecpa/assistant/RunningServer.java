package tw.ecpa.assistant;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tw.ecpa.portal.testing.MovableClock;

/**
 * A test class's {@link TestServer}, started once before the class's tests and always closed after them. Used as
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningServer server = new RunningServer();
 * }</pre>
 *
 * <p>The server's clock starts at a chosen working morning ({@link MovableClock#WORKING_MORNING}) and runs on from
 * there, so that nothing a test sees depends on the day or hour the suite runs at. {@link #clock(Clock)} gives it
 * another clock (one the test moves, or the system's for a page whose script reads the browser's clock), and
 * {@link #settings(UnaryOperator)}
 * for changed test settings. The server is started before the class's {@code @BeforeAll} methods and closed after
 * its {@code @AfterAll} methods ({@link #freshForEachTest()}: before each test's {@code @BeforeEach} methods and
 * after its {@code @AfterEach} ones). The methods the tests call on a {@link TestServer} are delegated; {@link #get()}
 * gives the server itself.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {

  private Clock clock = MovableClock.ticking(MovableClock.WORKING_MORNING);
  private UnaryOperator<Settings> settings = UnaryOperator.identity();
  private boolean freshForEachTest;
  private TestServer server;

  /**
   * Starts a new server for each test instead of one for the class: for a class whose tests change what the
   * others read (a demo account's password, the live knowledge version), so that none depends on another's
   * leftovers or on the order they run in.
   */
  public RunningServer freshForEachTest() {
    this.freshForEachTest = true;
    return this;
  }

  /** Starts the server on this clock instead of the default one. */
  public RunningServer clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Starts the server with the test settings changed by {@code adjust}, called once when the server starts. */
  public RunningServer settings(UnaryOperator<Settings> adjust) {
    this.settings = adjust;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!freshForEachTest) {
      start();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (freshForEachTest) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (freshForEachTest) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  private void start() {
    server = TestServer.start(clock, settings);
  }

  private void stop() {
    TestServer running = server;
    server = null;
    if (running != null) {
      running.close();
    }
  }

  /** The server, started before the class's tests (or before this test). */
  public TestServer get() {
    if (server == null) {
      throw new IllegalStateException("RunningServer is used outside its test class's run: register it with"
          + " @RegisterExtension on a static field");
    }
    return server;
  }

  /** See {@link TestServer#server()}. */
  public Server server() {
    return get().server();
  }

  /** See {@link TestServer#base()}. */
  public String base() {
    return get().base();
  }

  /** See {@link TestServer#send(String, String, String)}. */
  public TestServer.Response send(String method, String path, String body) {
    return get().send(method, path, body);
  }

  /** See {@link TestServer#post(String, Object)}. */
  public TestServer.Response post(String path, Object body) {
    return get().post(path, body);
  }

  /** See {@link TestServer#converse()}. */
  public TestServer.Conversation converse() {
    return get().converse();
  }
}
