package tw.ecpa.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole product started as an operator starts it, in a JVM of its own ({@link Main}, on this test's
 * class path), on a data folder and environment of the test's choosing; {@link #kill()} ends it with
 * SIGKILL, as a crash or an out-of-memory killer would, with no shutdown hook run.
 */
final class ServerProcess implements AutoCloseable {

  /** How long a start may take on a busy two-core machine. */
  private static final Duration START = Duration.ofSeconds(120);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  private final int port;
  private final int consolePort;

  private ServerProcess(Process process, Path log, int port, int consolePort) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.consolePort = consolePort;
  }

  /**
   * Starts the product on free ports with the lexical search (the meaning model adds start time and
   * nothing to what is stored), and waits until the portal answers {@code /healthz} and the console answers.
   *
   * @param dataDir the data folder ({@code DATA_DIR}), kept across starts
   * @param extra more environment, such as {@code DB_URL}
   */
  static ServerProcess start(Path dataDir, Map<String, String> extra) {
    try {
      int port = freePort();
      int consolePort = freePort();
      Path log = Files.createTempFile(dataDir.getParent(), "server-", ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx768m", "-Dfile.encoding=UTF-8",
          "-cp", System.getProperty("java.class.path"), Main.class.getName()))
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      List.of("DB_URL", "DB_USER", "DB_PASSWORD", "SMTP_HOST", "PUBLIC_URL", "CARD_SERVICES").forEach(env::remove);
      env.put("DATA_DIR", dataDir.toString());
      env.put("HOST", "127.0.0.1");
      env.put("PORT", String.valueOf(port));
      env.put("ADMIN_PORT", String.valueOf(consolePort));
      env.put("SEARCH_MEANING", "false");
      env.putAll(extra);
      ServerProcess started = new ServerProcess(builder.start(), log, port, consolePort);
      started.awaitReady();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the server ended while starting (exit " + process.exitValue() + "):\n" + logTail());
      }
      try {
        // The console starts beside the portal, after it: both must answer.
        if (status(base() + "/healthz") == 200 && status(console() + "/") > 0) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the server", e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the server", e);
      }
    }
    kill();
    throw new AssertionError("the server did not answer /healthz within " + START + ":\n" + logTail());
  }

  private static int status(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The chat, portal and widget address. */
  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** The knowledge-staff console's address. */
  String console() {
    return "http://127.0.0.1:" + consolePort;
  }

  /** Ends the process with SIGKILL and waits until it is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The end of the server's log, for a failure message. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
