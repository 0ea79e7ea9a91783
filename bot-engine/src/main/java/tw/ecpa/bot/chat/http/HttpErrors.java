package tw.ecpa.bot.chat.http;

import io.javalin.Javalin;
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
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")
          || "Not Found".equals(ctx.result())) {
        write(ctx, ApiError.NOT_FOUND);
      }
    });
    app.error(405, ctx -> write(ctx, ApiError.METHOD_NOT_ALLOWED));
    app.error(413, ctx -> write(ctx, ApiError.TOO_LARGE));
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

  static void write(Context ctx, ApiError error) {
    ctx.status(error.status()).json(error.body());
  }
}
