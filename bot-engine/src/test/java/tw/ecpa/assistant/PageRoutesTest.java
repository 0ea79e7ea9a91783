package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.bot.pages.Pages;

/**
 * The portal pages over HTTP: each is served assembled from its includes, with the headers the static
 * files get, at its address and its folder's; the fragments and the raw pages are not served.
 */
class PageRoutesTest {

  /** The pages for people not logged in: the site header without the user bar and the menu. */
  private static final Set<String> PUBLIC = Set.of("index.html", "info.html", "dev/mailbox.html",
      "mailbox/reverify.html", "password/forgot.html", "password/reset.html", "password/verify.html");

  @RegisterExtension
  static final RunningServer server = new RunningServer();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyPage_isServedAssembled_withTheHeaderAndFooter() throws Exception {
    Set<String> pages = Pages.fromClasspath(PageRoutesTest.class.getClassLoader(), "web").byPath().keySet();
    assertTrue(pages.size() >= 20 && pages.containsAll(PUBLIC), "pages: " + pages);
    for (String page : pages) {
      HttpResponse<String> response = get("/" + page);
      String html = response.body();
      assertEquals(200, response.statusCode(), page);
      assertHtmlHeaders(response, page);
      assertFalse(html.contains("<!--#include"), page + " still holds an include");
      assertEquals(1, count(html, "<header class=\"site-header\">"), page);
      assertEquals(1, count(html, "<footer class=\"site-footer\">"), page);
      assertEquals(1, count(html, "<script type=\"module\" src=\"/widget/ecpa-chat.js\"></script>"), page);
      assertEquals(1, count(html, "<script src=\"/portal/portal.js\" defer></script>"), page);
      assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-Hant-TW\">\n<head>\n  <meta charset=\"utf-8\">\n"), page);
      assertTrue(html.indexOf("<header class=\"site-header\">") < html.indexOf("<main id=\"main\"")
          && html.indexOf("</main>") < html.indexOf("<footer class=\"site-footer\">"), page);
      boolean loggedIn = !PUBLIC.contains(page);
      assertEquals(loggedIn, html.contains("<div class=\"userbar\" id=\"userbar\" hidden></div>"), page);
      assertEquals(loggedIn, html.contains("<nav class=\"portal-menu\" id=\"portal-menu\""), page);
    }
  }

  @Test
  void sideMenuOfMyPages_marksThePageItselfAsCurrent() throws Exception {
    for (String page : List.of("/my/profile.html", "/my/password.html", "/my/certificate.html")) {
      String html = get(page).body();
      assertEquals(1, count(html, "<nav class=\"side-menu\" aria-labelledby=\"side-my-title\">"), page);
      assertEquals(1, count(html, ".html\" aria-current=\"page\">"), page); // the breadcrumb's is on an <li>
      assertTrue(html.contains("<a href=\"" + page + "\" aria-current=\"page\">"), page);
    }
  }

  @Test
  void folders_serveTheirIndexPage_andAFolderWithoutTheSlashIsRedirected() throws Exception {
    assertEquals(get("/index.html").body(), get("/").body());
    HttpResponse<String> folder = get("/questionnaires/");
    assertEquals(200, folder.statusCode());
    assertHtmlHeaders(folder, "/questionnaires/");
    assertEquals(get("/questionnaires/index.html").body(), folder.body());
    HttpResponse<String> noSlash = get("/questionnaires?tab=templates");
    assertEquals(302, noSlash.statusCode());
    assertEquals(server.base() + "/questionnaires/?tab=templates",
        noSlash.headers().firstValue("Location").orElse(""));
    assertEquals(404, get("/info.html/").statusCode());
    assertEquals(404, get("/my/").statusCode());
  }

  @Test
  void head_answersTheGetsHeadersWithoutABody() throws Exception {
    HttpResponse<String> head = HTTP.send(request("/my/password.html").method("HEAD", HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, head.statusCode());
    assertHtmlHeaders(head, "HEAD");
    assertEquals("", head.body());
    assertEquals(get("/my/password.html").body().getBytes(StandardCharsets.UTF_8).length,
        head.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  @Test
  void etag_aPageAskedAgainUnchangedIsNotSentAgain() throws Exception {
    String etag = get("/info.html").headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = HTTP.send(request("/info.html").header("If-None-Match", etag).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(200, HTTP.send(request("/info.html").header("If-None-Match", "\"other\"").build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void fragmentsAndRawPages_areNotServed_whileScriptsAndStylesAre() throws Exception {
    for (String path : List.of("/_includes/header.html", "/_includes/footer.html", "/_includes/", "/_includes",
        "/%5Fincludes/header.html", "/info.htm%6C", "/nope.html")) {
      HttpResponse<String> response = get(path);
      assertEquals(404, response.statusCode(), path);
      assertFalse(response.body().contains("<!--#include"), path);
    }
    HttpResponse<String> script = get("/portal/portal.js");
    assertEquals(200, script.statusCode());
    assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", script.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals(200, get("/portal/portal.css").statusCode());
    assertEquals(200, get("/widget/ecpa-chat.js").statusCode());
    HttpResponse<String> style = get("/widget/ecpa-chat.css");
    assertEquals(200, style.statusCode());
    assertEquals("text/css; charset=utf-8", style.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", style.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(style.body().contains(":host {"), "the widget's stylesheet");
  }

  /**
   * The widget is a graph of native ES modules from /widget/ecpa-chat.js, followed here as the browser does: every
   * module is served as JavaScript (a browser refuses a module of any other type) and revalidated, and none builds
   * DOM from HTML.
   */
  @Test
  void theWidgetsModules_areServedAsJavaScript_andNoneBuildsDomFromHtml() throws Exception {
    Pattern imports = Pattern.compile("^import \\{[^}]*\\} from \"([^\"]+)\";", Pattern.MULTILINE);
    Deque<URI> toRead = new ArrayDeque<>(List.of(URI.create("/widget/ecpa-chat.js")));
    Set<URI> read = new TreeSet<>();
    while (!toRead.isEmpty()) {
      URI module = toRead.pop();
      if (!read.add(module)) {
        continue;
      }
      HttpResponse<String> response = get(module.getPath());
      assertEquals(200, response.statusCode(), module.toString());
      assertEquals("text/javascript; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""),
          module.toString());
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), module.toString());
      assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(""), module.toString());
      String body = response.body();
      for (String html : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser")) {
        assertFalse(body.contains(html), module + " uses " + html);
      }
      Matcher found = imports.matcher(body);
      while (found.find()) {
        toRead.add(module.resolve(found.group(1)));
      }
    }
    assertTrue(read.size() >= 10 && read.contains(URI.create("/widget/chat/transcript.js"))
        && read.contains(URI.create("/widget/chat/forms.js")), "modules: " + read);
  }

  private static void assertHtmlHeaders(HttpResponse<?> response, String what) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    assertEquals("text/html;charset=utf-8", type.replace(" ", "").toLowerCase(java.util.Locale.ROOT), what);
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), what);
    assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(""), what);
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(TestServer.PATIENCE);
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
