package tw.ecpa.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One browser's view of the portal API: keeps the session cookie and the CSRF token like the pages
 * do, and reads the development mailbox at {@code /dev/mail}.
 */
final class PortalClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final DevMail mail;
  private String cookie;
  private String csrf;

  /** A client of the server; of the development mailbox it sees the mails that arrive from now on. */
  PortalClient(RunningServer server) {
    this.base = server.base();
    this.mail = DevMail.from(server.get());
  }

  /** A client of a server at an address (in another process: no development mailbox). */
  PortalClient(String base) {
    this.base = base;
    this.mail = null;
  }

  /** A client of another address with this one's session (the console's port, say). */
  PortalClient at(String otherBase) {
    PortalClient other = new PortalClient(otherBase);
    other.cookie = cookie;
    other.csrf = csrf;
    return other;
  }

  /** A reply: status, JSON body (null when empty) and headers of interest. */
  record Reply(int status, JsonNode body, String retryAfter) {

    String error() {
      return body == null || !body.has("error") ? null : body.get("error").asText();
    }
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, Map<String, ?> body) {
    try {
      return send("POST", path, JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request with the session cookie and CSRF token held, keeping any new cookie. */
  Reply send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(TestServer.PATIENCE)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json");
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      response.headers().allValues("set-cookie").stream()
          .filter(c -> c.startsWith("ECPA_SESSION="))
          .findFirst()
          .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
      JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
      if (json != null && json.has("csrfToken")) {
        csrf = json.get("csrfToken").asText();
      }
      return new Reply(response.statusCode(), json, response.headers().firstValue("retry-after").orElse(null));
    } catch (java.net.http.HttpTimeoutException e) {
      throw new AssertionError("the portal did not answer " + method + " " + path + " within " + TestServer.PATIENCE, e);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Logs in; returns the reply (any status). */
  Reply login(String account, String password) {
    return post("/api/auth/login", Map.of("account", account, "password", password));
  }

  /** The session cookie held, as {@code ECPA_SESSION=...}, or null. */
  String cookie() {
    return cookie;
  }

  /** Forgets the CSRF token, as a forged cross-site request would lack it. */
  void dropCsrf() {
    csrf = null;
  }

  /** A fresh captcha's id and answer (the test server runs with {@code CAPTCHA_MODE=test}). */
  Map<String, String> captcha() {
    JsonNode captcha = get("/api/captcha").body();
    return Map.of("captchaId", captcha.get("captchaId").asText(), "captchaAnswer", captcha.get("answer").asText());
  }

  /** The mails sent to an address since this client was made, newest first. */
  List<JsonNode> mailsTo(String address) {
    return mail.to(address);
  }

  /** Waits for the {@code count}-th mail to an address since this client was made, and returns the newest. */
  JsonNode awaitMail(String address, int count) {
    return mail.await(address, count);
  }

}
