package tw.ecpa.portal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tw.ecpa.portal.security.Secrets;

/**
 * Portal sessions: started at login with a fresh random token, ended at logout or after twenty idle
 * minutes (the seed's 「距離登出尚餘 19 分 37 秒 重整」 countdown), each with its own CSRF token.
 */
public final class Sessions {

  /** Idle time after which a session ends. */
  public static final Duration IDLE = Duration.ofMinutes(20);

  private final SessionStore store;
  private final Clock clock;

  /** Creates the service over a store and a clock. */
  public Sessions(SessionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A session just started: the token goes into the cookie, the CSRF token to the page. */
  public record Started(String token, Session session) {}

  /**
   * A live session with the seconds left before it ends for idleness, as of {@code at}: the server's time, which a
   * page uses rather than its own computer's clock.
   */
  public record Live(Session session, long idleSecondsLeft, Instant at) {}

  /** Starts a session for an account; the token is returned once and stored only as a hash. */
  public Started start(long accountId, String loginMethod) {
    return start(accountId, null, loginMethod);
  }

  /** Starts an organization-certificate session for an organization. */
  public Started startForOrganization(String organizationCode, String loginMethod) {
    return start(null, organizationCode, loginMethod);
  }

  private Started start(Long accountId, String organizationCode, String loginMethod) {
    String token = Secrets.token();
    Instant now = clock.instant();
    Session session = new Session(hash(token), accountId, organizationCode, loginMethod, Secrets.token(), now, now);
    store.save(session);
    return new Started(token, session);
  }

  /** The live session of a token without using it up (reading does not restart the idle clock). */
  public Optional<Live> find(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return store.find(hash(token)).flatMap(session -> {
      Instant ends = session.lastSeenAt().plus(IDLE);
      if (!now.isBefore(ends)) {
        store.remove(session.tokenHash());
        return Optional.empty();
      }
      return Optional.of(new Live(session, Duration.between(now, ends).toSeconds(), now));
    });
  }

  /** Restarts the idle clock of a live session (重整, or any state-changing request). */
  public Optional<Live> refresh(String token) {
    return find(token).map(live -> {
      Instant now = clock.instant();
      store.touch(live.session().tokenHash(), now);
      return new Live(live.session(), IDLE.toSeconds(), now);
    });
  }

  /** Ends the session of a token, if any. */
  public void end(String token) {
    if (token != null && !token.isBlank()) {
      store.remove(hash(token));
    }
  }

  /**
   * Ends every session of an account but the one of this token (the one that changed the password).
   *
   * @param keepToken the token whose session stays, or {@code null} to end them all
   */
  public int endOthers(long accountId, String keepToken) {
    return store.removeOfAccount(accountId, keepToken == null ? null : hash(keepToken));
  }

  /** Ends sessions idle for longer than {@link #IDLE}; run periodically. Returns how many. */
  public int sweep() {
    return store.removeIdleSince(clock.instant().minus(IDLE));
  }

  /** Whether a request's CSRF header matches the session's token (compared in constant time). */
  public static boolean csrfMatches(Session session, String header) {
    return Secrets.equal(session.csrfToken(), header);
  }

  static String hash(String token) {
    return Secrets.sha256(token);
  }
}
