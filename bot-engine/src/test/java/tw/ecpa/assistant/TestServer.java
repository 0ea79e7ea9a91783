package tw.ecpa.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tw.ecpa.portal.testing.MovableClock;

/** A real server on a free loopback port, with a small JSON client for the chat API. */
public final class TestServer implements AutoCloseable {

  /** How long a test waits for one answer of the server: generous, for a busy machine. */
  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Server server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Path dataDir;

  private TestServer(Server server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /** Starts a server with the shipped knowledge base and the given clock. */
  public static TestServer start(Clock clock) {
    return start(clock, java.util.function.UnaryOperator.identity());
  }

  /** Starts a server with the test settings changed by {@code adjust}. */
  public static TestServer start(Clock clock, java.util.function.UnaryOperator<Settings> adjust) {
    try {
      Path dataDir = Files.createTempDirectory("ecpa-test");
      return new TestServer(Server.create(adjust.apply(Settings.forTests(dataDir)), clock).start(), dataDir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts a server with the shipped knowledge base on a clock that starts at a chosen working morning and runs on
   * from there.
   */
  public static TestServer start() {
    return start(MovableClock.ticking(MovableClock.WORKING_MORNING));
  }

  /** The underlying server. */
  public Server server() {
    return server;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:43211}. */
  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Sends a request with a raw body and returns the status and body. */
  public Response send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
        .timeout(PATIENCE)
        .header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers().firstValue("content-type").orElse(""));
    } catch (java.net.http.HttpTimeoutException e) {
      throw new AssertionError("the server did not answer " + method + " " + path + " within " + PATIENCE, e);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POSTs a JSON value. */
  public Response post(String path, Object body) {
    try {
      return send("POST", path, JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a conversation and returns its id. */
  public Conversation converse() {
    Response started = send("POST", "/api/chat/sessions", "{}");
    if (started.status() != 201) {
      throw new IllegalStateException("start answered " + started);
    }
    return new Conversation(started.json().get("sessionId").asText(), started.json().get("messages"));
  }

  /** One conversation with the bot. */
  public final class Conversation {
    private final String id;
    private final JsonNode greeting;

    Conversation(String id, JsonNode greeting) {
      this.id = id;
      this.greeting = greeting;
    }

    /** The session id. */
    public String id() {
      return id;
    }

    /** The messages the conversation opened with. */
    public JsonNode greeting() {
      return greeting;
    }

    /** Sends free text; returns the reply (any status). */
    public Response ask(String text) {
      return post("/api/chat/sessions/" + id + "/messages", java.util.Map.of("text", text));
    }

    /** Clicks an option by id; returns the reply (any status). */
    public Response click(String optionId) {
      return post("/api/chat/sessions/" + id + "/messages", java.util.Map.of("optionId", optionId));
    }

    /** Clicks the option with this label in the last message of a reply. */
    public Response choose(Response reply, String label) {
      JsonNode last = reply.lastMessage();
      for (JsonNode option : last.get("options")) {
        if (option.get("label").asText().equals(label)) {
          return click(option.get("id").asText());
        }
      }
      throw new AssertionError("no option '" + label + "' in " + last);
    }
  }

  /** A response: status, body and content type. */
  public record Response(int status, String body, String contentType) {

    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** The reply's messages. */
    public JsonNode messages() {
      return json().get("messages");
    }

    /** The first answer, menu or fallback message: what an evaluation grades. */
    public JsonNode graded() {
      for (JsonNode m : messages()) {
        String type = m.get("type").asText();
        if (type.equals("answer") || type.equals("menu") || type.equals("fallback")) {
          return m;
        }
      }
      throw new AssertionError("no graded message in " + body);
    }

    /** The last message of the reply. */
    public JsonNode lastMessage() {
      JsonNode messages = messages();
      return messages.get(messages.size() - 1);
    }

    /** The option labels of the graded message. */
    public List<String> labels() {
      List<String> labels = new ArrayList<>();
      graded().get("options").forEach(o -> labels.add(o.get("label").asText()));
      return labels;
    }
  }

  @Override
  public void close() {
    server.close();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort clean-up of a temporary folder
    }
  }
}
