package tw.ecpa.kb.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Lets only knowledge editors reach the API: 401 without a session, 403 without the role, and 403 for a
 * state-changing request without the session's CSRF token in {@link ConsoleRoutes#CSRF_HEADER}. The
 * editor passed is kept on the request for the routes.
 */
final class EditorsOnly {

  private static final String EDITOR = "editor";
  private static final String EDITOR_ACCESS = "editorAccess";

  private final EditorGate gate;
  private final String sessionCookie;

  EditorsOnly(EditorGate gate, String sessionCookie) {
    this.gate = gate;
    this.sessionCookie = sessionCookie;
  }

  /** The access of the request's session cookie. */
  EditorGate.Access access(ServerRequest request) {
    HttpCookie cookie = request.cookies().getFirst(sessionCookie);
    return gate.access(cookie == null ? null : cookie.getValue());
  }

  /** The filter: the editor's request goes on, anyone else's is refused. */
  Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
    EditorGate.Access access = access(request);
    if (access instanceof EditorGate.NotLoggedIn) {
      return ConsoleResponses.error(HttpStatus.UNAUTHORIZED, "not-logged-in",
          "請先登入人事服務網（須具知識庫編輯權限）後再使用知識庫管理。");
    }
    if (!(access instanceof EditorGate.Editor editor)) {
      return ConsoleResponses.error(HttpStatus.FORBIDDEN, "forbidden", "您沒有知識庫編輯權限；如有需要，請洽系統管理員。");
    }
    if (request.method() != HttpMethod.GET
        && !same(editor.csrfToken(), request.headers().firstHeader(ConsoleRoutes.CSRF_HEADER))) {
      return ConsoleResponses.error(HttpStatus.FORBIDDEN, "csrf", "此操作未通過安全檢查，請重新整理頁面後再試一次。");
    }
    request.exchange().getAttributes().put(EDITOR, editor.account());
    request.exchange().getAttributes().put(EDITOR_ACCESS, editor);
    return next.handle(request);
  }

  /** The editor's account name, as versions and drafts record it. */
  static String editor(ServerRequest request) {
    return request.exchange().getAttributeOrDefault(EDITOR, "editor");
  }

  /** The editor the filter let through. */
  static EditorGate.Editor editorAccess(ServerRequest request) {
    return request.exchange().getRequiredAttribute(EDITOR_ACCESS);
  }

  private static boolean same(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }
}
