package tw.ecpa.portal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every portal route does the same way: read a JSON object body and write errors. */
public final class PortalHttp {

  private final ObjectMapper json;

  /** Creates the helper over the product's JSON mapper. */
  public PortalHttp(ObjectMapper json) {
    this.json = json;
  }

  /** Writes every {@link PortalError} thrown by a portal route as its JSON error. */
  public static void install(Javalin app) {
    app.exception(PortalError.class, (e, ctx) -> write(ctx, e));
  }

  /** Writes a refusal as {@code {"error", "message", ...}} with its status. */
  public static void write(Context ctx, PortalError e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("error", e.code());
    out.put("message", e.getMessage());
    out.putAll(e.extra());
    if (e.status() == 429 && e.extra().get("retryAfterSeconds") instanceof Long seconds) {
      ctx.header("Retry-After", Long.toString(seconds));
    }
    ctx.status(e.status()).json(out);
  }

  /** The request body as a JSON object; a 400 for anything else. */
  public Body body(Context ctx) {
    try {
      JsonNode node = json.readTree(ctx.bodyAsBytes());
      if (node != null && node.isObject()) {
        return new Body(node);
      }
    } catch (IOException e) {
      // falls through to the refusal
    }
    throw PortalError.badRequest("無法解讀您送出的內容，請確認格式為 JSON 物件後再試一次。");
  }

  /** A JSON object body with forgiving field access: a missing or non-text field reads as null. */
  public record Body(JsonNode node) {

    /** A text field, or {@code null} when missing, not text, or longer than {@code maxLength}. */
    public String text(String field, int maxLength) {
      JsonNode value = node.get(field);
      return value != null && value.isTextual() && value.textValue().length() <= maxLength
          ? value.textValue() : null;
    }

    /** A boolean field, false when missing or not a boolean. */
    public boolean flag(String field) {
      JsonNode value = node.get(field);
      return value != null && value.isBoolean() && value.booleanValue();
    }
  }
}
