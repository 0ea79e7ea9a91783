package tw.ecpa.portal.http;

import java.util.Map;

/**
 * An expected refusal on a portal route, carried from deep in a handler to the one place that writes
 * errors as {@code {"error", "message", ...}}.
 */
public final class PortalError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, Object> extra;

  /** A refusal with a status, a stable code and a zh-TW message. */
  public PortalError(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  /** A refusal with more fields for the body (for example the broken rules). */
  public PortalError(int status, String code, String message, Map<String, Object> extra) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.extra = Map.copyOf(extra);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable error code. */
  public String code() {
    return code;
  }

  /** Further fields of the body. */
  public Map<String, Object> extra() {
    return extra;
  }

  /** 400 for a body that is not the JSON object the route expects. */
  public static PortalError badRequest(String message) {
    return new PortalError(400, "bad-request", message);
  }

  /** 401 for a request that needs a live session. */
  public static PortalError notLoggedIn() {
    return new PortalError(401, "not-logged-in", "您尚未登入或已閒置逾時自動登出，請重新登入。");
  }

  /** 403 for a state-changing request without the session's CSRF token. */
  public static PortalError csrf() {
    return new PortalError(403, "csrf", "此操作未通過安全檢查，請重新整理頁面後再試一次。");
  }

  /** 429 for a caller over a rate limit. */
  public static PortalError tooMany(String message, long retryAfterSeconds) {
    return new PortalError(429, "too-many-requests", message, Map.of("retryAfterSeconds", retryAfterSeconds));
  }
}
