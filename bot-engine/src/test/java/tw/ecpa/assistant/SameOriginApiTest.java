package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Login CSRF: a cross-site form can post {@code text/plain} without a preflight and with the victim's
 * browser, so the portal takes state-changing requests only as JSON and only from its own pages.
 */
class SameOriginApiTest {

  @RegisterExtension
  static final RunningServer server = new RunningServer();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String LOGIN = "{\"account\":\"wangxm\",\"password\":\"Wang-Demo2026!\"}";

  private static HttpResponse<String> login(String contentType, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + "/api/auth/login"))
        .timeout(TestServer.PATIENCE)
        .POST(HttpRequest.BodyPublishers.ofString(LOGIN, StandardCharsets.UTF_8))
        .header("Content-Type", contentType);
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void aLoginPostedAsPlainTextOrAForm_isRefusedWith415_beforeAnyPasswordIsChecked() throws Exception {
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
      HttpResponse<String> refused = login(type, Map.of());
      assertEquals(415, refused.statusCode(), type);
      assertTrue(refused.body().contains("unsupported-media-type") && refused.body().contains("JSON"), refused.body());
    }
  }

  @Test
  void aLoginFromAnotherSite_isRefusedWith403_andFromThePortalsOwnPage_logsIn() throws Exception {
    HttpResponse<String> foreign = login("application/json", Map.of("Origin", "https://evil.example"));
    assertEquals(403, foreign.statusCode());
    assertTrue(foreign.body().contains("cross-origin") && foreign.body().contains("人事服務網"), foreign.body());
    assertEquals(403, login("application/json", Map.of("Sec-Fetch-Site", "cross-site")).statusCode());

    String own = server.base();
    HttpResponse<String> in = login("application/json; charset=utf-8", Map.of("Origin", own, "Sec-Fetch-Site", "same-origin"));
    assertEquals(200, in.statusCode(), in.body());
    assertEquals(200, login("application/json", Map.of()).statusCode(), "a script without Origin reaches the route");
  }
}
