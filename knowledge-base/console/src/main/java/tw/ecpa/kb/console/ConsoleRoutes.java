package tw.ecpa.kb.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Node;
import tw.ecpa.kb.tree.Problem;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.version.TreeFiles;

/**
 * The console's JSON API under {@code /api/kb/...}. Every route needs a knowledge editor (401 without
 * a session, 403 without the role); state-changing routes also need the session's CSRF token in
 * {@code X-CSRF-Token}. Blocking work (loading, indexing, the database) runs off the event loop.
 */
final class ConsoleRoutes {

  static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String PAGES = "kb-console/";

  private final EditorGate gate;
  private final KnowledgeDesk desk;
  private final String sessionCookie;
  private final String portalUrl;

  ConsoleRoutes(EditorGate gate, KnowledgeDesk desk, String sessionCookie, String portalUrl) {
    this.gate = gate;
    this.desk = desk;
    this.sessionCookie = sessionCookie;
    this.portalUrl = portalUrl;
  }

  /** The console: its page (for editors only), its assets and its API, with the security headers. */
  RouterFunction<ServerResponse> all() {
    return pages().and(api()).filter((request, next) -> {
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

  /**
   * The page is served to knowledge editors only; everyone else gets a short page saying why (401 with
   * the portal's login link, 403 without the role). Assets hold no data and are served to all.
   */
  private RouterFunction<ServerResponse> pages() {
    return RouterFunctions.route()
        .GET("/", request -> {
          HttpCookie cookie = request.cookies().getFirst(sessionCookie);
          EditorGate.Access access = gate.access(cookie == null ? null : cookie.getValue());
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

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

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

  private RouterFunction<ServerResponse> api() {
    return RouterFunctions.route()
        .GET("/api/kb/session", r -> blocking(() -> ok(session(r))))
        .GET("/api/kb/tree", r -> blocking(() -> ok(treeView(tree()))))
        .PUT("/api/kb/nodes/{id}", r -> withJson(r, body -> putNode(r, body)))
        .DELETE("/api/kb/nodes/{id}", r -> blocking(() -> edited(desk.editDraft(
            files -> TreeFiles.deleteNode(files, r.pathVariable("id")), editor(r)))))
        .POST("/api/kb/nodes/{id}/move", r -> withJson(r, body -> move(r, body)))
        .GET("/api/kb/synonyms", r -> blocking(() -> ok(Map.of("synonyms", tree().synonyms()))))
        .PUT("/api/kb/synonyms", r -> withJson(r, body -> synonyms(r, body)))
        .GET("/api/kb/nodes", r -> blocking(() -> ok(nodes(tree()))))
        .GET("/api/kb/nodes/{id}", r -> blocking(() -> node(tree(), r.pathVariable("id"))))
        .GET("/api/kb/versions", r -> blocking(() -> ok(Map.of("live", desk.liveVersion(), "versions", desk.history()))))
        .GET("/api/kb/draft", r -> blocking(() -> ok(Map.of("exists", desk.draft().isPresent(),
            "files", desk.draft().orElseGet(desk::liveFiles)))))
        .GET("/api/kb/export", r -> blocking(() -> ok(desk.liveFiles())))
        .PUT("/api/kb/draft", r -> withJson(r, body -> saveDraft(r, body)))
        .DELETE("/api/kb/draft", r -> blocking(() -> {
          desk.discardDraft();
          return ServerResponse.noContent().build();
        }))
        .POST("/api/kb/test", r -> withJson(r, body -> trial(body)))
        .POST("/api/kb/similar", r -> withJson(r, body -> similar(body)))
        .POST("/api/kb/publish", r -> withJson(r, body -> publish(r, body)))
        .POST("/api/kb/rollback", r -> withJson(r, body -> rollback(r, body)))
        .GET("/api/kb/unanswered", r -> blocking(() -> ok(desk.unanswered())))
        .GET("/api/kb/versions/{number}/diff", r -> blocking(() -> {
          int to;
          try {
            to = Integer.parseInt(r.pathVariable("number"));
          } catch (NumberFormatException e) {
            return error(HttpStatus.BAD_REQUEST, "bad-request", "版本號碼不正確。");
          }
          int from = r.queryParam("from").map(f -> f.matches("\\d{1,9}") ? Integer.parseInt(f) : -1).orElse(to - 1);
          return desk.diff(from, to).map(changes -> ok(Map.of("from", from, "to", to, "changes", changes)))
              .orElseGet(() -> error(HttpStatus.NOT_FOUND, "not-found", "找不到要比較的版本。"));
        }))
        .GET("/api/kb/draft/diff", r -> blocking(() -> ok(Map.of("changes", desk.draftDiff()))))
        .GET("/api/kb/golden", r -> blocking(() -> ok(desk.golden())))
        .POST("/api/kb/golden", r -> withJson(r, body -> {
          if (!(body.get("question") instanceof String q) || q.isBlank() || q.length() > 500
              || !(body.get("expected") instanceof String expected) || expected.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "bad-request", "請輸入黃金問題（question）及應得到的答案節點（expected）。");
          }
          List<String> problems = desk.addGolden(q.strip(), expected.strip());
          return problems.isEmpty() ? ok(Map.of("saved", true))
              : error(HttpStatus.BAD_REQUEST, "bad-golden", String.join("；", problems));
        }))
        .GET("/api/kb/analytics", r -> blocking(() -> {
          int days;
          try {
            days = Integer.parseInt(r.queryParam("days").orElse("30"));
          } catch (NumberFormatException e) {
            days = -1;
          }
          return days < 1 || days > 366
              ? error(HttpStatus.BAD_REQUEST, "bad-request", "days 請輸入 1 至 366 之間的整數。")
              : ok(desk.analytics(days));
        }))
        .POST("/api/kb/unanswered/{id}/adopt", r -> withJson(r, body -> adopt(r, body)))
        .POST("/api/kb/unanswered/{id}/dismiss", r -> blocking(() -> groupId(r)
            .map(id -> desk.dismiss(id) ? ServerResponse.noContent().build()
                : error(HttpStatus.NOT_FOUND, "not-found", "找不到這組問題，可能已處理過。"))
            .orElseGet(() -> error(HttpStatus.BAD_REQUEST, "bad-request", "問題組編號不正確。"))))
        .filter(this::editorsOnly)
        .build();
  }

  private Mono<ServerResponse> editorsOnly(ServerRequest request,
      org.springframework.web.reactive.function.server.HandlerFunction<ServerResponse> next) {
    HttpCookie cookie = request.cookies().getFirst(sessionCookie);
    EditorGate.Access access = gate.access(cookie == null ? null : cookie.getValue());
    if (access instanceof EditorGate.NotLoggedIn) {
      return error(HttpStatus.UNAUTHORIZED, "not-logged-in", "請先登入人事服務網（須具知識庫編輯權限）後再使用知識庫管理。");
    }
    if (!(access instanceof EditorGate.Editor editor)) {
      return error(HttpStatus.FORBIDDEN, "forbidden", "您沒有知識庫編輯權限；如有需要，請洽系統管理員。");
    }
    if (request.method() != HttpMethod.GET && !same(editor.csrfToken(), request.headers().firstHeader(CSRF_HEADER))) {
      return error(HttpStatus.FORBIDDEN, "csrf", "此操作未通過安全檢查，請重新整理頁面後再試一次。");
    }
    request.exchange().getAttributes().put("editor", editor.account());
    request.exchange().getAttributes().put("editorAccess", editor);
    return next.handle(request);
  }

  private Map<String, Object> session(ServerRequest request) {
    EditorGate.Editor editor = request.exchange().getRequiredAttribute("editorAccess");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("account", editor.account());
    out.put("csrfToken", editor.csrfToken());
    out.put("live", desk.liveVersion());
    out.put("draft", desk.draft().isPresent());
    return out;
  }

  private static Map<String, Object> treeView(KnowledgeBase kb) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("root", kb.root().id());
    out.put("nodes", kb.nodes().stream().map(n -> {
      Map<String, Object> node = summary(n);
      if (n instanceof MenuNode menu) {
        node.put("options", menu.options());
      }
      return node;
    }).toList());
    return out;
  }

  private Mono<ServerResponse> putNode(ServerRequest request, Map<?, ?> body) {
    String id = request.pathVariable("id");
    if (!(body.get("node") instanceof Map<?, ?> node) || !node.keySet().stream().allMatch(String.class::isInstance)
        || (body.get("parent") != null && !(body.get("parent") instanceof String))) {
      return error(HttpStatus.BAD_REQUEST, "bad-request", "請以 {\"node\": {...}, \"parent\": \"上層選單代碼\"} 送出節點。");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) node);
    fields.put("id", id);
    String parent = (String) body.get("parent");
    return edited(desk.editDraft(files -> TreeFiles.putNode(files, fields, parent), editor(request)));
  }

  private Mono<ServerResponse> move(ServerRequest request, Map<?, ?> body) {
    if (!(body.get("to") instanceof String to) || (body.get("from") != null && !(body.get("from") instanceof String))) {
      return error(HttpStatus.BAD_REQUEST, "bad-request", "請指定要移到哪個選單（to）。");
    }
    String from = (String) body.get("from");
    return edited(desk.editDraft(files -> TreeFiles.moveNode(files, request.pathVariable("id"), from, to),
        editor(request)));
  }

  private Mono<ServerResponse> synonyms(ServerRequest request, Map<?, ?> body) {
    if (!(body.get("synonyms") instanceof List<?> groups) || !groups.stream().allMatch(g -> g instanceof Map<?, ?> m
        && m.get("terms") instanceof List<?> && (m.get("nodes") == null || m.get("nodes") instanceof List<?>))) {
      return error(HttpStatus.BAD_REQUEST, "bad-request", "請以 {\"synonyms\": [{\"terms\": [...], \"nodes\": [...]}]} 送出同義詞。");
    }
    @SuppressWarnings("unchecked")
    List<Map<String, ?>> typed = (List<Map<String, ?>>) groups;
    return edited(desk.editDraft(files -> TreeFiles.setSynonyms(files, typed), editor(request)));
  }

  /** 200 when the edit is in the draft; 400 with each problem (and its field) otherwise. */
  private static Mono<ServerResponse> edited(List<Problem> problems) {
    if (problems.isEmpty()) {
      return ok(Map.of("saved", true, "draft", true));
    }
    return error(HttpStatus.BAD_REQUEST, "invalid-tree", problems.size() == 1 ? problems.get(0).editorMessage()
        : "有 " + problems.size() + " 個問題，草稿未變更。", Map.of("problems", wire(problems)));
  }

  /** Problems as editors read them: where, which field and what is wrong in zh-TW. */
  static List<Map<String, Object>> wire(List<Problem> problems) {
    return problems.stream().map(p -> {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("file", p.file());
      out.put("nodeId", p.nodeId());
      out.put("field", p.field());
      out.put("message", p.editorMessage());
      return out;
    }).toList();
  }

  private KnowledgeBase tree() {
    return KnowledgeBaseLoader.fromFiles(desk.draft().orElseGet(desk::liveFiles)).orThrow();
  }

  private static List<Map<String, Object>> nodes(KnowledgeBase kb) {
    return kb.nodes().stream().sorted(java.util.Comparator.comparing(Node::id)).map(ConsoleRoutes::summary).toList();
  }

  /** A node's id, type and title, as lists show it. */
  private static Map<String, Object> summary(Node n) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", n.id());
    out.put("type", n instanceof MenuNode ? "menu" : "answer");
    out.put("title", n.title());
    return out;
  }

  private static Mono<ServerResponse> node(KnowledgeBase kb, String id) {
    Optional<Node> node = kb.node(id);
    if (node.isEmpty()) {
      return error(HttpStatus.NOT_FOUND, "not-found", "找不到此節點：" + id);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("title", node.get().title());
    if (node.get() instanceof MenuNode menu) {
      out.put("type", "menu");
      out.put("prompt", menu.prompt());
      out.put("options", menu.options());
    } else {
      AnswerNode answer = (AnswerNode) node.get();
      out.put("type", "answer");
      out.put("text", answer.text());
      out.put("steps", answer.steps());
      out.put("links", answer.links());
      out.put("related", answer.related());
      out.put("questions", answer.questions());
      out.put("keywords", answer.keywords());
      out.put("action", answer.action());
    }
    return ok(out);
  }

  private Mono<ServerResponse> saveDraft(ServerRequest request, Map<?, ?> body) {
    Object files = body.get("files");
    if (!(files instanceof Map<?, ?> map) || map.isEmpty()
        || !map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && e.getValue() instanceof String)) {
      return error(HttpStatus.BAD_REQUEST, "bad-request", "請以 {\"files\": {\"檔名\": \"JSON 內容\"}} 送出整棵知識樹。");
    }
    @SuppressWarnings("unchecked")
    Map<String, String> typed = (Map<String, String>) map;
    List<Problem> problems = desk.saveDraft(typed, editor(request));
    if (!problems.isEmpty()) {
      return error(HttpStatus.BAD_REQUEST, "invalid-tree", "知識樹有 " + problems.size() + " 個問題，草稿未儲存。",
          Map.of("problems", wire(problems)));
    }
    return ok(Map.of("saved", true));
  }

  private static Optional<Long> groupId(ServerRequest request) {
    try {
      return Optional.of(Long.parseLong(request.pathVariable("id")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Mono<ServerResponse> adopt(ServerRequest request, Map<?, ?> body) {
    Optional<Long> id = groupId(request);
    if (id.isEmpty() || !(body.get("nodeId") instanceof String nodeId) || nodeId.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "bad-request", "請指定要加入替代問句的答案節點（nodeId）。");
    }
    List<Problem> problems = desk.adopt(id.get(), nodeId, editor(request));
    if (!problems.isEmpty()) {
      return error(HttpStatus.BAD_REQUEST, "not-adopted",
          String.join("；", problems.stream().map(Problem::editorMessage).toList()), Map.of("problems", wire(problems)));
    }
    return ok(Map.of("adopted", true, "draft", true));
  }

  private Mono<ServerResponse> trial(Map<?, ?> body) {
    if (!(body.get("question") instanceof String question) || question.isBlank() || question.length() > 500) {
      return error(HttpStatus.BAD_REQUEST, "bad-request", "請輸入要測試的問題（500 字以內）。");
    }
    return ok(desk.test(question));
  }

  private Mono<ServerResponse> similar(Map<?, ?> body) {
    if (!(body.get("question") instanceof String question) || question.isBlank() || question.length() > 500) {
      return error(HttpStatus.BAD_REQUEST, "bad-request", "請輸入要比對的問句（500 字以內）。");
    }
    return ok(Map.of("similar", desk.similar(question)));
  }

  private Mono<ServerResponse> publish(ServerRequest request, Map<?, ?> body) {
    if (!(body.get("note") instanceof String note) || note.isBlank() || note.length() > 500) {
      return error(HttpStatus.BAD_REQUEST, "bad-request", "請輸入這次發布的說明（500 字以內）。");
    }
    if (desk.draft().isEmpty()) {
      return error(HttpStatus.CONFLICT, "no-draft", "目前沒有草稿可發布。");
    }
    return outcome(desk.publishDraft(note, editor(request), Boolean.TRUE.equals(body.get("confirm"))));
  }

  private Mono<ServerResponse> rollback(ServerRequest request, Map<?, ?> body) {
    if (!(body.get("version") instanceof Integer version)
        || desk.history().stream().noneMatch(v -> v.number() == version)) {
      return error(HttpStatus.BAD_REQUEST, "bad-request", "請指定要回復的版本號碼。");
    }
    return outcome(desk.rollback(version, editor(request), Boolean.TRUE.equals(body.get("confirm"))));
  }

  private static Mono<ServerResponse> outcome(KnowledgeDesk.Outcome outcome) {
    if (outcome instanceof KnowledgeDesk.Published published) {
      return ok(Map.of("published", published.version()));
    }
    if (outcome instanceof KnowledgeDesk.Invalid invalid) {
      return error(HttpStatus.BAD_REQUEST, "invalid-tree", "知識樹有問題，未發布。",
          Map.of("problems", invalid.problems().stream().map(m -> Map.of("message", m)).toList()));
    }
    KnowledgeDesk.WouldBreak breaks = (KnowledgeDesk.WouldBreak) outcome;
    return error(HttpStatus.CONFLICT, "would-break", "此版本會讓 " + breaks.failures().size()
        + " 個問題無法得到原本的答案；確認後再發布（confirm: true）。", Map.of("failures", breaks.failures()));
  }

  private static String editor(ServerRequest request) {
    return request.exchange().getAttributeOrDefault("editor", "editor");
  }

  /**
   * Reads the request's JSON object and answers with {@code handle} off the event loop; a body that is
   * not JSON gets 400 {@code bad-json}.
   */
  private static Mono<ServerResponse> withJson(ServerRequest request,
      java.util.function.Function<Map<?, ?>, Mono<ServerResponse>> handle) {
    return request.bodyToMono(Map.class).flatMap(body -> blocking(() -> handle.apply(body)))
        .onErrorResume(org.springframework.web.server.ServerWebInputException.class, e -> badJson());
  }

  private static Mono<ServerResponse> blocking(java.util.concurrent.Callable<Mono<ServerResponse>> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic()).flatMap(m -> m);
  }

  private static Mono<ServerResponse> ok(Object body) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }

  private static Mono<ServerResponse> badJson() {
    return error(HttpStatus.BAD_REQUEST, "bad-json", "無法解讀您送出的內容，請確認格式為 JSON 後再試一次。");
  }

  static Mono<ServerResponse> error(HttpStatus status, String code, String message) {
    return error(status, code, message, Map.of());
  }

  static Mono<ServerResponse> error(HttpStatus status, String code, String message, Map<String, Object> extra) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("error", code);
    out.put("message", message);
    out.putAll(extra);
    return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(out);
  }

  private static boolean same(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }
}
