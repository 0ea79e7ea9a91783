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

  /**
   * Ends every session of an account except the one with this token hash (after a password change
   * or reset, so that whoever else held a session is out); returns how many.
   *
   * @param keepTokenHash the session to keep, or {@code null} to end them all
   */
  int removeOfAccount(long accountId, String keepTokenHash);

  /** Removes every session last used before this moment; returns how many. */
  int removeIdleSince(Instant before);
}
