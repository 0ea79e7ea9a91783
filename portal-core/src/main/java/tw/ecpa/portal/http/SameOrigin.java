package tw.ecpa.portal.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a state-changing portal request must be before any route reads it: a body sent as JSON (a
 * cross-site HTML form can send {@code text/plain} or a form encoding without a preflight, never {@code
 * application/json}), from a page of the portal itself when the browser says where it comes from ({@code
 * Origin}, {@code Sec-Fetch-Site}). This closes login CSRF, where a form on another site logs the victim in
 * to the attacker's account, and backs the CSRF token of the routes with a session. Requests without
 * {@code Origin} (scripts, {@code curl}) are let through to the routes' own checks. The chat API is left
 * out: the widget may run on pages of other sites.
 */
public final class SameOrigin {

  private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
      HandlerType.DELETE);

  private SameOrigin() {}

  /**
   * Checks every state-changing request under {@code /api/} but the chat's.
   *
   * @param publicUrl the portal's address as users reach it ({@code PUBLIC_URL}), when it is set
   */
  public static void install(Javalin app, Optional<String> publicUrl) {
    Optional<String> published = publicUrl.map(SameOrigin::origin);
    app.before("/api/*", ctx -> check(ctx, published));
  }

  static void check(Context ctx, Optional<String> published) {
    if (!CHANGES.contains(ctx.method()) || ctx.path().startsWith("/api/chat/")) {
      return;
    }
    if (hasBody(ctx) && !json(ctx.contentType())) {
      throw new PortalError(415, "unsupported-media-type", "請以 JSON（Content-Type: application/json）送出內容。");
    }
    String origin = ctx.header("Origin");
    boolean crossSite = "cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"));
    if (crossSite || (origin != null && !sameOrigin(origin, ctx, published))) {
      throw new PortalError(403, "cross-origin", "此操作只能在人事服務網的頁面上進行，請回到人事服務網再試一次。");
    }
  }

  private static boolean hasBody(Context ctx) {
    return ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
  }

  private static boolean json(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json");
  }

  /** The origin is the portal's: its published address, or the host the request was sent to. */
  private static boolean sameOrigin(String origin, Context ctx, Optional<String> published) {
    String given = origin.strip().toLowerCase(Locale.ROOT);
    if (published.isPresent() && published.get().equals(given)) {
      return true;
    }
    // Behind a proxy the scheme seen here may differ from the browser's: the host and port must match.
    String host = ctx.host();
    return host != null && authority(given).equals(host.toLowerCase(Locale.ROOT));
  }

  private static String authority(String origin) {
    int at = origin.indexOf("://");
    return at < 0 ? origin : origin.substring(at + 3);
  }

  /** {@code scheme://host[:port]} of an address, lower case. */
  static String origin(String url) {
    URI uri = URI.create(url.strip());
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return (uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT);
  }
}
