package tw.ecpa.portal.session;

import java.time.Instant;
import java.util.Optional;

/** Where sessions are kept, shared by every server node. */
public interface SessionStore {

  /** Keeps a new session. */
  void save(Session session);

  /** The session with this token hash, if any. */
  Optional<Session> find(String tokenHash);

  /** Records that the session was used now. */
  void touch(String tokenHash, Instant at);

  /** Ends a session. */
  void remove(String tokenHash);

  /** Removes every session last used before this moment; returns how many. */
  int removeIdleSince(Instant before);
}
