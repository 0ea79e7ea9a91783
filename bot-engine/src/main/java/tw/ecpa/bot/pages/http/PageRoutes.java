package tw.ecpa.bot.pages.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import tw.ecpa.bot.pages.Pages;

/**
 * Serves the assembled pages at their addresses ({@code /my/password.html}; a folder's
 * {@code index.html} at the folder too, {@code /} and {@code /questionnaires/}) with the headers the
 * static files get. Javalin asks its static file handler only when no route matched, so these routes
 * win over the raw pages in the same folder; {@link #leftToPages} keeps the static file handler off
 * those by any other way in (an encoded address, a folder).
 */
public final class PageRoutes {

  /** The headers of every page and static file: no content sniffing, and asked for again at each use. */
  public static final Map<String, String> HEADERS =
      Map.of("X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache");
  /** The pages' content type: Chinese pages garble without an explicit charset. */
  public static final String HTML = "text/html; charset=utf-8";
  private static final String INDEX = "index.html";

  private final Pages pages;

  /** Routes for these pages. */
  public PageRoutes(Pages pages) {
    this.pages = pages;
  }

  /** Registers a GET and a HEAD route for every page, and for every folder with an index page. */
  public void register(Javalin app) {
    pages.byPath().forEach((path, html) -> {
      byte[] body = html.getBytes(StandardCharsets.UTF_8);
      String etag = etag(body);
      route(app, "/" + path, ctx -> {
        if (ctx.path().endsWith("/")) {
          throw new NotFoundResponse(); // a page is no folder (the routes ignore a trailing slash)
        }
        serve(ctx, body, etag);
      });
      if (path.equals(INDEX) || path.endsWith("/" + INDEX)) {
        route(app, "/" + path.substring(0, path.length() - INDEX.length()), ctx -> {
          if (!ctx.path().endsWith("/")) { // as the static file handler: a folder's address ends with /
            HEADERS.forEach(ctx::header);
            String query = ctx.queryString();
            ctx.status(HttpStatus.FOUND).header("Location",
                ctx.req().getRequestURL() + "/" + (query == null ? "" : "?" + query));
            return;
          }
          serve(ctx, body, etag);
        });
      }
    });
  }

  /**
   * Whether the static file handler must leave a request to these routes: a page or a fragment (its
   * raw file holds the includes), or a folder (its index page is assembled).
   */
  public static boolean leftToPages(HttpServletRequest request) {
    String path;
    try { // the static file handler looks files up by the decoded address
      path = URLDecoder.decode(request.getRequestURI(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return true;
    }
    return path.endsWith(".html") || path.endsWith("/");
  }

  private static void route(Javalin app, String path, Handler handler) {
    app.get(path, handler);
    app.head(path, handler);
  }

  private static void serve(Context ctx, byte[] body, String etag) {
    HEADERS.forEach(ctx::header);
    ctx.header("ETag", etag).contentType(HTML);
    String asked = ctx.header("If-None-Match");
    if (asked != null && (asked.strip().equals("*") || asked.contains(etag))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.result(body);
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
