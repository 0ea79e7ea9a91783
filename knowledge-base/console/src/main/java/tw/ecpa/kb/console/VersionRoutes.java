package tw.ecpa.kb.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tw.ecpa.kb.tree.Problem;

/**
 * The editor's session and the knowledge versions: the live version and its history, the draft as a
 * whole (read, save, discard, export), what changed between versions or in the draft, publishing the
 * draft and rolling back.
 */
final class VersionRoutes {

  private final KnowledgeDesk desk;

  VersionRoutes(KnowledgeDesk desk) {
    this.desk = desk;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET("/api/kb/session", r -> ConsoleResponses.blocking(() -> ConsoleResponses.ok(session(r))))
        .GET("/api/kb/versions", r -> ConsoleResponses.blocking(() -> ConsoleResponses.ok(
            Map.of("live", desk.liveVersion(), "versions", desk.history()))))
        .GET("/api/kb/draft", r -> ConsoleResponses.blocking(() -> ConsoleResponses.ok(Map.of(
            "exists", desk.draft().isPresent(), "files", desk.draft().orElseGet(desk::liveFiles)))))
        .GET("/api/kb/export", r -> ConsoleResponses.blocking(() -> ConsoleResponses.ok(desk.liveFiles())))
        .PUT("/api/kb/draft", r -> ConsoleResponses.withJson(r, body -> saveDraft(r, body)))
        .DELETE("/api/kb/draft", r -> ConsoleResponses.blocking(() -> {
          desk.discardDraft();
          return ServerResponse.noContent().build();
        }))
        .POST("/api/kb/publish", r -> ConsoleResponses.withJson(r, body -> publish(r, body)))
        .POST("/api/kb/rollback", r -> ConsoleResponses.withJson(r, body -> rollback(r, body)))
        .GET("/api/kb/versions/{number}/diff", r -> ConsoleResponses.blocking(() -> diff(r)))
        .GET("/api/kb/draft/diff", r -> ConsoleResponses.blocking(() ->
            ConsoleResponses.ok(Map.of("changes", desk.draftDiff()))))
        .build();
  }

  private Map<String, Object> session(ServerRequest request) {
    EditorGate.Editor editor = EditorsOnly.editorAccess(request);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("account", editor.account());
    out.put("csrfToken", editor.csrfToken());
    out.put("live", desk.liveVersion());
    out.put("draft", desk.draft().isPresent());
    return out;
  }

  /** What changed from version {@code from} (the one before, by default) to the version in the path. */
  private Mono<ServerResponse> diff(ServerRequest request) {
    int to;
    try {
      to = Integer.parseInt(request.pathVariable("number"));
    } catch (NumberFormatException e) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request", "版本號碼不正確。");
    }
    int from = request.queryParam("from").map(f -> f.matches("\\d{1,9}") ? Integer.parseInt(f) : -1).orElse(to - 1);
    return desk.diff(from, to).map(changes -> ConsoleResponses.ok(Map.of("from", from, "to", to, "changes", changes)))
        .orElseGet(() -> ConsoleResponses.error(HttpStatus.NOT_FOUND, "not-found", "找不到要比較的版本。"));
  }

  private Mono<ServerResponse> saveDraft(ServerRequest request, Map<?, ?> body) {
    Object files = body.get("files");
    if (!(files instanceof Map<?, ?> map) || map.isEmpty()
        || !map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && e.getValue() instanceof String)) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request",
          "請以 {\"files\": {\"檔名\": \"JSON 內容\"}} 送出整棵知識樹。");
    }
    @SuppressWarnings("unchecked")
    Map<String, String> typed = (Map<String, String>) map;
    List<Problem> problems = desk.saveDraft(typed, EditorsOnly.editor(request));
    if (!problems.isEmpty()) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "invalid-tree",
          "知識樹有 " + problems.size() + " 個問題，草稿未儲存。", Map.of("problems", ConsoleResponses.wire(problems)));
    }
    return ConsoleResponses.ok(Map.of("saved", true));
  }

  private Mono<ServerResponse> publish(ServerRequest request, Map<?, ?> body) {
    if (!(body.get("note") instanceof String note) || note.isBlank() || note.length() > 500) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request", "請輸入這次發布的說明（500 字以內）。");
    }
    if (desk.draft().isEmpty()) {
      return ConsoleResponses.error(HttpStatus.CONFLICT, "no-draft", "目前沒有草稿可發布。");
    }
    return outcome(desk.publishDraft(note, EditorsOnly.editor(request), Boolean.TRUE.equals(body.get("confirm"))));
  }

  private Mono<ServerResponse> rollback(ServerRequest request, Map<?, ?> body) {
    if (!(body.get("version") instanceof Integer version)
        || desk.history().stream().noneMatch(v -> v.number() == version)) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request", "請指定要回復的版本號碼。");
    }
    return outcome(desk.rollback(version, EditorsOnly.editor(request), Boolean.TRUE.equals(body.get("confirm"))));
  }

  private static Mono<ServerResponse> outcome(KnowledgeDesk.Outcome outcome) {
    if (outcome instanceof KnowledgeDesk.Published published) {
      return ConsoleResponses.ok(Map.of("published", published.version()));
    }
    if (outcome instanceof KnowledgeDesk.Invalid invalid) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "invalid-tree", "知識樹有問題，未發布。",
          Map.of("problems", invalid.problems().stream().map(m -> Map.of("message", m)).toList()));
    }
    KnowledgeDesk.WouldBreak breaks = (KnowledgeDesk.WouldBreak) outcome;
    return ConsoleResponses.error(HttpStatus.CONFLICT, "would-break", "此版本會讓 " + breaks.failures().size()
        + " 個問題無法得到原本的答案；確認後再發布（confirm: true）。", Map.of("failures", breaks.failures()));
  }
}
