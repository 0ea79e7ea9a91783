package tw.ecpa.kb.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tw.ecpa.kb.tree.Problem;

/**
 * How every console route answers: JSON bodies and {@code {"error", "message", ...}} refusals, blocking
 * work off the event loop, and a request's JSON object read before the work.
 */
final class ConsoleResponses {

  private ConsoleResponses() {}

  /**
   * Reads the request's JSON object and answers with {@code handle} off the event loop; a body that is
   * not JSON gets 400 {@code bad-json}.
   */
  static Mono<ServerResponse> withJson(ServerRequest request, Function<Map<?, ?>, Mono<ServerResponse>> handle) {
    return request.bodyToMono(Map.class).flatMap(body -> blocking(() -> handle.apply(body)))
        .onErrorResume(ServerWebInputException.class, e -> badJson());
  }

  /** Answers with {@code work} run off the event loop (loading, indexing, the database). */
  static Mono<ServerResponse> blocking(Callable<Mono<ServerResponse>> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic()).flatMap(m -> m);
  }

  /** 200 with a JSON body. */
  static Mono<ServerResponse> ok(Object body) {
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
}
