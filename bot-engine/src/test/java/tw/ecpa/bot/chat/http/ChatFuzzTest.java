package tw.ecpa.bot.chat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.assistant.RunningServer;

/**
 * Sends malformed, oversized, wrongly typed and random bodies to every chat route and checks that
 * nothing a client sends produces a 5xx, and that every error is the JSON error shape.
 */
class ChatFuzzTest {

  @RegisterExtension
  static final RunningServer server = new RunningServer();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void fuzz_randomBodiesOnEveryRoute_neverAnswer5xx() throws Exception {
    Random random = new Random(20261123L);
    List<String> failures = new ArrayList<>();
    int requests = 0;
    for (int round = 0; round < 60; round++) {
      // A fresh conversation every few rounds, so the turn limit does not hide the parser.
      String session = server.converse().id();
      List<String> paths = List.of(
          "/api/chat/sessions",
          "/api/chat/sessions/" + session + "/messages",
          "/api/chat/sessions/" + java.net.URLEncoder.encode(randomText(random, 12), java.nio.charset.StandardCharsets.UTF_8) + "/messages",
          "/api/chat/sessions/%00%ff/messages",
          "/healthz");
      for (int i = 0; i < 20; i++) {
        String path = paths.get(random.nextInt(paths.size()));
        String method = random.nextInt(10) < 8 ? "POST" : List.of("GET", "PUT", "DELETE", "PATCH").get(random.nextInt(4));
        byte[] body = body(random, session);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", random.nextBoolean() ? "application/json" : "text/plain; charset=big5")
            .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        requests++;
        if (response.statusCode() >= 500) {
          failures.add(method + " " + path + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8)
              .substring(0, Math.min(120, body.length)) + " → " + response.statusCode() + " " + response.body());
        } else if (response.statusCode() >= 400 && !response.body().contains("\"error\"")) {
          failures.add(method + " " + path + " → " + response.statusCode() + " without a JSON error: " + response.body());
        }
      }
    }
    assertTrue(requests >= 1000, "requests sent: " + requests);
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failures");
  }

  private static byte[] body(Random random, String session) throws IOException {
    String text = switch (random.nextInt(16)) {
      case 0 -> "";
      case 1 -> "{";
      case 2 -> "null";
      case 3 -> "[1,2,3]";
      case 4 -> "{\"text\": " + randomJsonValue(random) + "}";
      case 5 -> "{\"optionId\": " + randomJsonValue(random) + "}";
      case 6 -> "{\"form\": " + randomJsonValue(random) + ", \"formId\": " + randomJsonValue(random) + "}";
      case 7 -> "{\"text\": \"" + "長".repeat(random.nextInt(2000)) + "\"}";
      case 8 -> "[".repeat(5000) + "]".repeat(5000);
      case 9 -> "{\"text\": \"" + randomText(random, 40).replace("\\", "").replace("\"", "") + "\", \"optionId\": \"x\"}";
      case 10 -> "{\"optionId\": \"" + List.of("nav.back", "nav.main", "nav.none", "menu.login", "menu.moica.errors",
          "moica.error.decrypt-failure", "fallback", "../../etc/passwd").get(random.nextInt(8)) + "\"}";
      case 11 -> "{\"locale\": " + randomJsonValue(random) + "}";
      case 12 -> "{\"text\": \"<script>alert(1)</script>" + session + "\"}";
      case 13 -> "{\"text\": \"\\ud800\"}";
      case 14 -> null;
      default -> "{\"text\": \"" + randomText(random, 30).replace("\\", "").replace("\"", "") + "\"}";
    };
    if (text == null) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      return bytes;
    }
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String randomJsonValue(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> "null";
      case 1 -> "42";
      case 2 -> "-1.5e308";
      case 3 -> "true";
      case 4 -> "[\"a\", {\"b\": []}]";
      case 5 -> "{\"nested\": {\"deep\": [1, 2]}}";
      case 6 -> "\"\"";
      case 7 -> "\"" + "9".repeat(400) + "\"";
      default -> "\"" + randomText(random, 10).replace("\\", "").replace("\"", "") + "\"";
    };
  }

  private static String randomText(Random random, int max) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(max + 1);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(4);
      out.appendCodePoint(switch (kind) {
        case 0 -> 0x4E00 + random.nextInt(0x5000);
        case 1 -> 0x20 + random.nextInt(0x5F);
        case 2 -> 0x1F600 + random.nextInt(0x50);
        default -> 0xA0 + random.nextInt(0x2000);
      });
    }
    return out.toString();
  }
}
