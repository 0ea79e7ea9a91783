package tw.ecpa.kb.console;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The console's page and its assets. The page is served to knowledge editors only; everyone else gets a
 * short page saying why (401 with the portal's login link, 403 without the role). Assets hold no data
 * and are served to all.
 */
final class ConsolePage {

  private static final String PAGES = "kb-console/";
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final EditorsOnly editors;
  private final String portalUrl;

  ConsolePage(EditorsOnly editors, String portalUrl) {
    this.editors = editors;
    this.portalUrl = portalUrl;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET("/", request -> {
          EditorGate.Access access = editors.access(request);
          if (access instanceof EditorGate.Editor) {
            return ServerResponse.ok().contentType(HTML).bodyValue(new ClassPathResource(PAGES + "index.html"));
          }
          boolean anonymous = access instanceof EditorGate.NotLoggedIn;
          return ServerResponse.status(anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN).contentType(HTML)
              .bodyValue(refusal(anonymous));
        })
        .resources("/assets/**", new ClassPathResource(PAGES + "assets/"))
        .build();
  }

  private String refusal(boolean anonymous) {
    String message = anonymous ? "請先登入人事服務網（須具知識庫編輯權限）後再使用知識庫管理。"
        : "您沒有知識庫編輯權限；如有需要，請洽系統管理員。";
    return "<!DOCTYPE html><html lang=\"zh-Hant-TW\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>知識庫管理 - 人事服務網</title><link rel=\"stylesheet\" href=\"/assets/console.css\"></head>"
        + "<body class=\"refusal\"><main><h1>知識庫管理</h1><p id=\"refusal\" role=\"alert\">" + message + "</p>"
        + "<p><a href=\"" + portalUrl + "/\">" + (anonymous ? "前往人事服務網登入" : "回人事服務網") + "</a></p>"
        + "</main></body></html>";
  }
}
