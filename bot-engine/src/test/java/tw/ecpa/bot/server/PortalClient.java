package tw.ecpa.bot.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's view of the portal API: keeps the session cookie and the CSRF token like the pages
 * do, and reads the development mailbox at {@code /dev/mail}.
 */
final class PortalClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private String cookie;
  private String csrf;

  PortalClient(RunningServer server) {
    this.base = server.base();
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
        .timeout(Duration.ofSeconds(20))
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

  /** The mails sent to an address so far, newest first. */
  List<JsonNode> mailsTo(String address) {
    List<JsonNode> out = new java.util.ArrayList<>();
    get("/dev/mail").body().forEach(mail -> {
      if (mail.get("to").asText().equals(address)) {
        out.add(mail);
      }
    });
    return out;
  }

  /** Waits for the {@code count}-th mail to an address and returns the newest. */
  JsonNode awaitMail(String address, int count) {
    Instant deadline = Instant.now().plusSeconds(15);
    while (Instant.now().isBefore(deadline)) {
      List<JsonNode> mails = mailsTo(address);
      if (mails.size() >= count) {
        return mails.get(0);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no mail number " + count + " to " + address + " within 15 s");
  }

  /** The first match of a pattern's group 1 in a mail's text. */
  static String find(JsonNode mail, String regex) {
    Matcher m = Pattern.compile(regex).matcher(mail.get("text").asText());
    if (!m.find()) {
      throw new AssertionError("no " + regex + " in " + mail.get("text").asText());
    }
    return m.group(1);
  }
}
