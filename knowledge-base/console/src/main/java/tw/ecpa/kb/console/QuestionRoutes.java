package tw.ecpa.kb.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tw.ecpa.kb.tree.Problem;

/**
 * The questions people ask, as editors work with them: trying a question against draft and live,
 * finding similar questions, the golden questions, the analytics, and the unanswered questions (adopted
 * into an answer node as alternative questions, or dismissed).
 */
final class QuestionRoutes {

  private final KnowledgeDesk desk;

  QuestionRoutes(KnowledgeDesk desk) {
    this.desk = desk;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST("/api/kb/test", r -> ConsoleResponses.withJson(r, this::trial))
        .POST("/api/kb/similar", r -> ConsoleResponses.withJson(r, this::similar))
        .GET("/api/kb/unanswered", r -> ConsoleResponses.blocking(() -> ConsoleResponses.ok(desk.unanswered())))
        .GET("/api/kb/golden", r -> ConsoleResponses.blocking(() -> ConsoleResponses.ok(desk.golden())))
        .POST("/api/kb/golden", r -> ConsoleResponses.withJson(r, this::addGolden))
        .GET("/api/kb/analytics", r -> ConsoleResponses.blocking(() -> analytics(r)))
        .POST("/api/kb/unanswered/{id}/adopt", r -> ConsoleResponses.withJson(r, body -> adopt(r, body)))
        .POST("/api/kb/unanswered/{id}/dismiss", r -> ConsoleResponses.blocking(() -> groupId(r)
            .map(id -> desk.dismiss(id) ? ServerResponse.noContent().build()
                : ConsoleResponses.error(HttpStatus.NOT_FOUND, "not-found", "找不到這組問題，可能已處理過。"))
            .orElseGet(() -> ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request", "問題組編號不正確。"))))
        .build();
  }

  private Mono<ServerResponse> trial(Map<?, ?> body) {
    if (!(body.get("question") instanceof String question) || question.isBlank() || question.length() > 500) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request", "請輸入要測試的問題（500 字以內）。");
    }
    return ConsoleResponses.ok(desk.test(question));
  }

  private Mono<ServerResponse> similar(Map<?, ?> body) {
    if (!(body.get("question") instanceof String question) || question.isBlank() || question.length() > 500) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request", "請輸入要比對的問句（500 字以內）。");
    }
    return ConsoleResponses.ok(Map.of("similar", desk.similar(question)));
  }

  private Mono<ServerResponse> addGolden(Map<?, ?> body) {
    if (!(body.get("question") instanceof String q) || q.isBlank() || q.length() > 500
        || !(body.get("expected") instanceof String expected) || expected.isBlank()) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request",
          "請輸入黃金問題（question）及應得到的答案節點（expected）。");
    }
    List<String> problems = desk.addGolden(q.strip(), expected.strip());
    return problems.isEmpty() ? ConsoleResponses.ok(Map.of("saved", true))
        : ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-golden", String.join("；", problems));
  }

  private Mono<ServerResponse> analytics(ServerRequest request) {
    int days;
    try {
      days = Integer.parseInt(request.queryParam("days").orElse("30"));
    } catch (NumberFormatException e) {
      days = -1;
    }
    return days < 1 || days > 366
        ? ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request", "days 請輸入 1 至 366 之間的整數。")
        : ConsoleResponses.ok(desk.analytics(days));
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
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "bad-request", "請指定要加入替代問句的答案節點（nodeId）。");
    }
    List<Problem> problems = desk.adopt(id.get(), nodeId, EditorsOnly.editor(request));
    if (!problems.isEmpty()) {
      return ConsoleResponses.error(HttpStatus.BAD_REQUEST, "not-adopted",
          String.join("；", problems.stream().map(Problem::editorMessage).toList()),
          Map.of("problems", ConsoleResponses.wire(problems)));
    }
    return ConsoleResponses.ok(Map.of("adopted", true, "draft", true));
  }
}
