package tw.ecpa.kb.console;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Node;
import tw.ecpa.kb.tree.Problem;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.version.TreeFiles;

/**
 * The knowledge tree as editors read and change it, one edit at a time into the draft: the tree, its
 * nodes (put, delete, move) and the synonyms. Reads show the draft when there is one, else the live
 * version.
 */
final class TreeRoutes {

  private final KnowledgeDesk desk;

  TreeRoutes(KnowledgeDesk desk) {
    this.desk = desk;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET("/api/kb/tree", r -> ConsoleResponses.blocking(() -> ConsoleResponses.ok(treeView(tree()))))
        .PUT("/api/kb/nodes/{id}", r -> ConsoleResponses.withJson(r, body -> putNode(r, body)))
        .DELETE("/api/kb/nodes/{id}", r -> ConsoleResponses.blocking(() -> edited(desk.editDraft(
            files -> TreeFiles.deleteNode(files, r.pathVariable("id")), EditorsOnly.editor(r)))))
        .POST("/api/kb/nodes/{id}/move", r -> ConsoleResponses.withJson(r, body -> move(r, body)))
        .GET("/api/kb/synonyms", r -> ConsoleResponses.blocking(() ->
            ConsoleResponses.ok(Map.of("synonyms", tree().synonyms()))))
        .PUT("/api/kb/synonyms", r -> ConsoleResponses.withJson(r, body -> synonyms(r, body)))
        .GET("/api/kb/nodes", r -> ConsoleResponses.blocking(() -> ConsoleResponses.ok(nodes(tree()))))
        .GET("/api/kb/nodes/{id}", r -> ConsoleResponses.blocking(() -> node(tree(), r.pathVariable("id"))))
        .build();
  }

  private KnowledgeBase tree() {
    return KnowledgeBaseLoader.fromFiles(desk.draft().orElseGet(desk::liveFiles)).orThrow();
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
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request",
          "請以 {\"node\": {...}, \"parent\": \"上層選單代碼\"} 送出節點。");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) node);
    fields.put("id", id);
    String parent = (String) body.get("parent");
    return edited(desk.editDraft(files -> TreeFiles.putNode(files, fields, parent), EditorsOnly.editor(request)));
  }

  private Mono<ServerResponse> move(ServerRequest request, Map<?, ?> body) {
    if (!(body.get("to") instanceof String to) || (body.get("from") != null && !(body.get("from") instanceof String))) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request", "請指定要移到哪個選單（to）。");
    }
    String from = (String) body.get("from");
    return edited(desk.editDraft(files -> TreeFiles.moveNode(files, request.pathVariable("id"), from, to),
        EditorsOnly.editor(request)));
  }

  private Mono<ServerResponse> synonyms(ServerRequest request, Map<?, ?> body) {
    if (!(body.get("synonyms") instanceof List<?> groups) || !groups.stream().allMatch(g -> g instanceof Map<?, ?> m
        && m.get("terms") instanceof List<?> && (m.get("nodes") == null || m.get("nodes") instanceof List<?>))) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request",
          "請以 {\"synonyms\": [{\"terms\": [...], \"nodes\": [...]}]} 送出同義詞。");
    }
    @SuppressWarnings("unchecked")
    List<Map<String, ?>> typed = (List<Map<String, ?>>) groups;
    return edited(desk.editDraft(files -> TreeFiles.setSynonyms(files, typed), EditorsOnly.editor(request)));
  }

  /** 200 when the edit is in the draft; 400 with each problem (and its field) otherwise. */
  private static Mono<ServerResponse> edited(List<Problem> problems) {
    if (problems.isEmpty()) {
      return ConsoleResponses.ok(Map.of("saved", true, "draft", true));
    }
    return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "invalid-tree", problems.size() == 1
        ? problems.get(0).editorMessage() : "有 " + problems.size() + " 個問題，草稿未變更。",
        Map.of("problems", ConsoleResponses.wire(problems)));
  }

  private static List<Map<String, Object>> nodes(KnowledgeBase kb) {
    return kb.nodes().stream().sorted(Comparator.comparing(Node::id)).map(TreeRoutes::summary).toList();
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
      return ConsoleResponses.error(HttpStatus.NOT_FOUND, "not-found", "找不到此節點：" + id);
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
    return ConsoleResponses.ok(out);
  }
}
