package tw.ecpa.bot.chat.http;

import io.javalin.Javalin;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to one JSON error shape; client mistakes are 4xx with a zh-TW message. */
public final class HttpErrors {

  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {}

  /** Installs the error mapping on an app. */
  public static void install(Javalin app) {
    app.exception(ApiException.class, (e, ctx) -> write(ctx, e.error()));
    app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, forStatus(e.getStatus())));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected failure on {} {}", ctx.method(), ctx.matchedPath(), e);
      ctx.status(500).json(new ApiError.ErrorBody("internal-error",
          "系統暫時無法處理您的要求，請稍後再試；如持續發生，請洽客服專線 02-23979108。"));
    });
    // Statuses set by Jetty or Javalin themselves (no route, wrong method, body too large) get the
    // JSON error shape too; a response that already has a body keeps it.
    app.error(404, ctx -> writeIfEmpty(ctx, ApiError.NOT_FOUND));
    app.error(405, ctx -> writeIfEmpty(ctx, ApiError.METHOD_NOT_ALLOWED));
    app.error(413, ctx -> writeIfEmpty(ctx, ApiError.TOO_LARGE));
  }

  private static ApiError forStatus(int status) {
    return switch (status) {
      case 404 -> ApiError.NOT_FOUND;
      case 405 -> ApiError.METHOD_NOT_ALLOWED;
      case 413 -> ApiError.TOO_LARGE;
      case 415 -> ApiError.UNSUPPORTED_MEDIA;
      default -> new ApiError(status >= 400 && status < 500 ? status : 500, "bad-request",
          "您的要求無法處理，請確認後再試一次。");
    };
  }

  /**
   * A Jetty error handler for requests Jetty refuses before any route sees them (a NUL in the path,
   * a malformed request line): answers the same JSON error shape.
   */
  public static ErrorHandler jettyErrorHandler() {
    return new ErrorHandler() {
      @Override
      public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        String body = "{\"error\":\"bad-request\",\"message\":\"無法解讀您送出的要求，請確認網址與內容後再試一次。\"}";
        return BufferUtil.toBuffer(body, StandardCharsets.UTF_8);
      }
    };
  }

  private static void writeIfEmpty(Context ctx, ApiError error) {
    String result = ctx.result();
    if (result == null || result.isEmpty() || !result.startsWith("{")) {
      write(ctx, error);
    }
  }

  static void write(Context ctx, ApiError error) {
    ctx.status(error.status()).json(error.body());
  }
}
