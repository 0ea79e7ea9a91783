package tw.ecpa.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/** Starts the eCPA assistant with settings from the environment. */
public final class Main {

  /** How long a warm-up request may take before the build gives up on it. */
  private static final Duration WARM_UP_REQUEST = Duration.ofSeconds(30);

  private Main() {}

  /**
   * Entry point of the runnable jar. With {@code --warm-up} it starts the whole product on a free port
   * with a throw-away data folder, answers one chat turn and exits: the build runs this once to record
   * the class-data archive that makes later starts faster.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--warm-up")) {
      warmUp();
      return;
    }
    long started = System.nanoTime();
    Server server = Server.create(Settings.fromEnvironment(System.getenv()), Clock.systemUTC()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    LoggerFactory.getLogger(Main.class).info("ready in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private static void warmUp() throws IOException, InterruptedException {
    Path data = Files.createTempDirectory("ecpa-warm-up");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PORT", "0");
    env.put("ADMIN_PORT", "0");
    env.put("DATA_DIR", data.toString());
    env.remove("DB_URL");
    try (Server server = Server.create(Settings.fromEnvironment(env), Clock.systemUTC()).start()) {
      // HTTP/1.1 and a time limit per request: the warm-up runs inside the build, which must never hang on it.
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + server.port();
      String started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/sessions"))
              .timeout(WARM_UP_REQUEST)
              .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
          .body();
      String session = new ObjectMapper().readTree(started).get("sessionId").asText();
      http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/sessions/" + session + "/messages"))
          .timeout(WARM_UP_REQUEST)
          .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"忘記密碼\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      http.send(HttpRequest.newBuilder(URI.create(base + "/")).timeout(WARM_UP_REQUEST).build(),
          HttpResponse.BodyHandlers.discarding());
      // The console's classes go into the archive too (an anonymous call is refused, which is enough).
      server.consolePort().ifPresent(port -> {
        try {
          http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/kb/nodes"))
              .timeout(WARM_UP_REQUEST).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    } finally {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
