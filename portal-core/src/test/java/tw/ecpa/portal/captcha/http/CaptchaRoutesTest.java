package tw.ecpa.portal.captcha.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Duration;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.ratelimit.RateLimiter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.captcha.CaptchaImage;
import tw.ecpa.portal.captcha.Captchas;
import tw.ecpa.portal.testing.MemoryCaptchaStore;
import tw.ecpa.portal.testing.MovableClock;

/** {@code GET /api/captcha} over real HTTP on a bare app. */
class CaptchaRoutesTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PREFIX = "data:image/png;base64,";

  final MovableClock clock = new MovableClock();
  final Captchas captchas = new Captchas(new MemoryCaptchaStore(), clock);
  RateLimiter perAddress = new RateLimiter(100, Duration.ofMinutes(1), clock);

  record Reply(HttpResponse<String> response, JsonNode body) {}

  Reply get(boolean revealAnswer) throws Exception {
    Javalin app = Javalin.create();
    PortalHttp.install(app);
    new CaptchaRoutes(captchas, revealAnswer, perAddress).register(app);
    app.start("127.0.0.1", 0);
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/captcha")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(response, JSON.readTree(response.body()));
    } finally {
      app.stop();
    }
  }

  @Test
  void get_givesAnIdAndAPngDataUrl_notCached_andNoAnswer() throws Exception {
    Reply reply = get(false);
    assertEquals(200, reply.response().statusCode());
    assertTrue(reply.response().headers().firstValue("content-type").orElse("").startsWith("application/json"));
    assertEquals("no-store", reply.response().headers().firstValue("cache-control").orElse(""));
    JsonNode body = reply.body();
    assertFalse(body.has("answer"));
    assertEquals(2, body.size(), body.toString());
    String image = body.get("image").asText();
    assertTrue(image.startsWith(PREFIX), image);
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.substring(PREFIX.length()))));
    assertNotNull(png);
    assertEquals(CaptchaImage.WIDTH, png.getWidth());
    assertEquals(CaptchaImage.HEIGHT, png.getHeight());
    assertFalse(body.get("captchaId").asText().isBlank());
  }

  @Test
  void get_inTestMode_revealsTheAnswer_whichSolvesIt() throws Exception {
    JsonNode body = get(true).body();
    String answer = body.get("answer").asText();
    assertEquals(Captchas.LENGTH, answer.length());
    assertTrue(captchas.solve(body.get("captchaId").asText(), answer));
  }

  @Test
  void get_twice_givesTwoCaptchas() throws Exception {
    assertNotEquals(get(true).body().get("captchaId"), get(true).body().get("captchaId"));
  }

  @Test
  void get_overTheLimitOfAnAddress_is429() throws Exception {
    perAddress = new RateLimiter(2, Duration.ofMinutes(1), clock);
    get(false);
    get(false);

    Reply refused = get(false);
    assertEquals(429, refused.response().statusCode());
    assertEquals("too-many-requests", refused.body().get("error").asText());
    assertEquals("60", refused.response().headers().firstValue("retry-after").orElse(""));
  }
}
