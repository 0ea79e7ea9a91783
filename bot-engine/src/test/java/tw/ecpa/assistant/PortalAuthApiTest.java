package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Password login and sessions over real HTTP, with the demo accounts of the default run. */
class PortalAuthApiTest {

  @RegisterExtension
  static final RunningServer server = new RunningServer();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  record Reply(int status, JsonNode body, List<String> setCookies) {}

  static Reply call(String method, String path, String body, String cookie, String csrf) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Reply(response.statusCode(), json, response.headers().allValues("set-cookie"));
  }

  static String sessionCookie(Reply reply) {
    return reply.setCookies().stream().filter(c -> c.startsWith("ECPA_SESSION=")).findFirst()
        .map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();
  }

  @Test
  void login_demoEmployee_startsAnHttpOnlyStrictSessionWithACountdown() throws Exception {
    Reply login = call("POST", "/api/auth/login", "{\"account\":\"wangxm\",\"password\":\"Wang-Demo2026!\"}", null, null);
    assertEquals(200, login.status());
    assertEquals("王小明", login.body().get("user").get("name").asText());
    assertEquals("A1234*****", login.body().get("user").get("idNumber").asText());
    assertFalse(login.body().get("mustChangePassword").asBoolean());
    String setCookie = login.setCookies().get(0);
    assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
    String cookie = sessionCookie(login);

    Reply session = call("GET", "/api/auth/session", null, cookie, null);
    assertEquals(200, session.status());
    assertEquals("password", session.body().get("loginMethod").asText());
    long left = session.body().get("idleSecondsLeft").asLong();
    assertTrue(left > 1190 && left <= 1200, "about twenty minutes: " + left);
    assertEquals(login.body().get("csrfToken").asText(), session.body().get("csrfToken").asText());
  }

  @Test
  void login_again_rotatesTheSession() throws Exception {
    String body = "{\"account\":\"A123456789\",\"password\":\"Wang-Demo2026!\"}";
    String first = sessionCookie(call("POST", "/api/auth/login", body, null, null));
    String second = sessionCookie(call("POST", "/api/auth/login", body, first, null));
    assertNotEquals(first, second);
    assertEquals(401, call("GET", "/api/auth/session", null, first, null).status(), "the old session ended");
    assertEquals(200, call("GET", "/api/auth/session", null, second, null).status());
  }

  @Test
  void refreshAndLogout_needTheCsrfToken() throws Exception {
    Reply login = call("POST", "/api/auth/login", "{\"account\":\"chouzm\",\"password\":\"Chou-Demo2026!\"}", null, null);
    String cookie = sessionCookie(login);
    String csrf = login.body().get("csrfToken").asText();
    Reply noToken = call("POST", "/api/auth/session/refresh", null, cookie, null);
    assertEquals(403, noToken.status());
    assertEquals("csrf", noToken.body().get("error").asText());
    assertEquals(200, call("POST", "/api/auth/session/refresh", null, cookie, csrf).status());
    assertEquals(403, call("POST", "/api/auth/logout", null, cookie, "wrong").status());
    assertEquals(204, call("POST", "/api/auth/logout", null, cookie, csrf).status());
    assertEquals(401, call("GET", "/api/auth/session", null, cookie, null).status());
  }

  @Test
  void login_wrongPasswordAndUnknownAccount_getTheSame401() throws Exception {
    Reply wrong = call("POST", "/api/auth/login", "{\"account\":\"hrchang\",\"password\":\"nope\"}", null, null);
    Reply unknown = call("POST", "/api/auth/login", "{\"account\":\"nobody99\",\"password\":\"nope\"}", null, null);
    assertEquals(401, wrong.status());
    assertEquals(wrong.status(), unknown.status());
    assertEquals(wrong.body(), unknown.body());
    assertTrue(wrong.setCookies().isEmpty());
  }

  @Test
  void login_lockedDemoAccount_is423NamingTheWaysOut() throws Exception {
    Reply locked = call("POST", "/api/auth/login", "{\"account\":\"chenml\",\"password\":\"Chen-Demo2026!\"}", null, null);
    assertEquals(423, locked.status());
    String message = locked.body().get("message").asText();
    assertTrue(message.contains("忘記密碼") && message.contains("15分鐘"), message);
  }

  @Test
  void login_malformedBodies_are400() throws Exception {
    for (String body : List.of("", "{", "[]", "{\"account\":1,\"password\":2}", "{\"account\":\"wangxm\"}")) {
      Reply reply = call("POST", "/api/auth/login", body, null, null);
      assertEquals(400, reply.status(), body);
      assertEquals("bad-request", reply.body().get("error").asText());
    }
  }

  @Test
  void session_withoutCookie_is401_andMethodsListTheFive() throws Exception {
    assertEquals(401, call("GET", "/api/auth/session", null, null, null).status());
    assertEquals(401, call("GET", "/api/auth/session", null, "ECPA_SESSION=forged", null).status());
    Reply methods = call("GET", "/api/auth/methods", null, null, null);
    List<String> ids = new java.util.ArrayList<>();
    methods.body().forEach(m -> ids.add(m.get("id").asText()));
    assertEquals(List.of("password", "moica", "gca", "nhi", "mobile-id"), ids);
  }
}
