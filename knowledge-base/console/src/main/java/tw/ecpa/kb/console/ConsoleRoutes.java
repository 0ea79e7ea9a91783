package tw.ecpa.kb.console;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The console's JSON API under {@code /api/kb/...}. Every route needs a knowledge editor (401 without
 * a session, 403 without the role); state-changing routes also need the session's CSRF token in
 * {@code X-CSRF-Token} ({@link EditorsOnly}). Blocking work (loading, indexing, the database) runs off
 * the event loop. The routes are kept by job: the tree ({@link TreeRoutes}), the versions and the draft
 * ({@link VersionRoutes}) and the questions people ask ({@link QuestionRoutes}); this class puts them
 * together with the page ({@link ConsolePage}) under the security headers.
 */
final class ConsoleRoutes {

  static final String CSRF_HEADER = "X-CSRF-Token";

  private final EditorsOnly editors;
  private final ConsolePage page;
  private final TreeRoutes tree;
  private final VersionRoutes versions;
  private final QuestionRoutes questions;

  ConsoleRoutes(EditorGate gate, KnowledgeDesk desk, String sessionCookie, String portalUrl) {
    this.editors = new EditorsOnly(gate, sessionCookie);
    this.page = new ConsolePage(editors, portalUrl);
    this.tree = new TreeRoutes(desk);
    this.versions = new VersionRoutes(desk);
    this.questions = new QuestionRoutes(desk);
  }

  /** The console: its page (for editors only), its assets and its API, with the security headers. */
  RouterFunction<ServerResponse> all() {
    return page.routes().and(api()).filter((request, next) -> {
      var headers = request.exchange().getResponse().getHeaders();
      headers.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "same-origin");
      if (request.path().startsWith("/api/") || request.path().equals("/")) {
        headers.set("Cache-Control", "no-store");
      }
      return next.handle(request);
    });
  }

  private RouterFunction<ServerResponse> api() {
    return versions.routes().and(tree.routes()).and(questions.routes()).filter(editors::filter);
  }
}
