package tw.ecpa.kb.console;

/**
 * Who may use the console: the composition root answers from the portal's sessions and roles. The
 * console never sees passwords; editors log in on the portal, whose session cookie reaches the console
 * (cookies are per host, not per port).
 */
public interface EditorGate {

  /** What a session token may do in the console. */
  sealed interface Access {}

  /** No live session. */
  record NotLoggedIn() implements Access {}

  /** A live session without the knowledge-editor role. */
  record NotEditor() implements Access {}

  /** A knowledge editor. */
  record Editor(String account, String csrfToken) implements Access {}

  /** The access of a session token (the portal's session cookie), which may be null. */
  Access access(String sessionToken);
}
