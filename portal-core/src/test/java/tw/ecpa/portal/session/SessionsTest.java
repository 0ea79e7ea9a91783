package tw.ecpa.portal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.testing.MovableClock;

class SessionsTest {

  /** An in-memory store: the contract is simple and the JDBC store is tested with the database. */
  static final class MapStore implements SessionStore {
    final Map<String, Session> sessions = new HashMap<>();

    @Override
    public void save(Session s) {
      sessions.put(s.tokenHash(), s);
    }

    @Override
    public Optional<Session> find(String tokenHash) {
      return Optional.ofNullable(sessions.get(tokenHash));
    }

    @Override
    public void touch(String tokenHash, Instant at) {
      sessions.computeIfPresent(tokenHash, (k, s) ->
          new Session(k, s.accountId(), s.organizationCode(), s.loginMethod(), s.csrfToken(), s.createdAt(), at));
    }

    @Override
    public void remove(String tokenHash) {
      sessions.remove(tokenHash);
    }

    @Override
    public int removeOfAccount(long accountId, String keepTokenHash) {
      int n = sessions.size();
      sessions.values().removeIf(s -> s.accountId() != null && s.accountId() == accountId && !s.tokenHash().equals(keepTokenHash));
      return n - sessions.size();
    }

    @Override
    public int removeIdleSince(Instant before) {
      int n = sessions.size();
      sessions.values().removeIf(s -> s.lastSeenAt().isBefore(before));
      return n - sessions.size();
    }
  }


  final MapStore store = new MapStore();
  final MovableClock clock = new MovableClock();
  final Sessions sessions = new Sessions(store, clock);

  @Test
  void start_storesOnlyAHashOfTheToken() {
    Sessions.Started started = sessions.start(7, "password");
    assertFalse(store.sessions.containsKey(started.token()));
    assertTrue(store.sessions.containsKey(Sessions.hash(started.token())));
    assertNotEquals(started.token(), started.session().csrfToken());
  }

  @Test
  void find_afterTwentyIdleMinutes_isGone_andRefreshRestartsTheClock() {
    String token = sessions.start(7, "password").token();
    clock.advance(Duration.ofMinutes(19));
    assertEquals(60, sessions.find(token).orElseThrow().idleSecondsLeft());
    assertEquals(1200, sessions.refresh(token).orElseThrow().idleSecondsLeft());
    clock.advance(Duration.ofMinutes(19).plusSeconds(23));
    assertEquals(37, sessions.find(token).orElseThrow().idleSecondsLeft(), "19 分 37 秒 in the seed is 1177 s");
    clock.advance(Duration.ofSeconds(37));
    assertTrue(sessions.find(token).isEmpty());
    assertTrue(store.sessions.isEmpty(), "an expired session is removed");
  }

  @Test
  void csrfMatches_onlyTheSessionsOwnToken() {
    Session session = sessions.start(7, "password").session();
    assertTrue(Sessions.csrfMatches(session, session.csrfToken()));
    assertFalse(Sessions.csrfMatches(session, session.csrfToken() + "x"));
    assertFalse(Sessions.csrfMatches(session, null));
  }

  @Test
  void find_garbageTokens_areEmptyNotErrors() {
    assertTrue(sessions.find(null).isEmpty());
    assertTrue(sessions.find("").isEmpty());
    assertTrue(sessions.find("x".repeat(5000)).isEmpty());
  }

  @Test
  void endOthers_keepsTheCallersSession_only() {
    Sessions.Started mine = sessions.start(7, "password");
    Sessions.Started other = sessions.start(7, "moica");
    Sessions.Started stranger = sessions.start(8, "password");

    assertEquals(1, sessions.endOthers(7, mine.token()));
    assertTrue(sessions.find(mine.token()).isPresent());
    assertTrue(sessions.find(other.token()).isEmpty());
    assertTrue(sessions.find(stranger.token()).isPresent());
  }

  @Test
  void sweep_removesOnlySessionsIdleForMoreThanTwentyMinutes() {
    Sessions.Started old = sessions.start(7, "password");
    clock.advance(java.time.Duration.ofMinutes(10));
    Sessions.Started recent = sessions.start(8, "password");
    clock.advance(java.time.Duration.ofMinutes(11));

    assertEquals(1, sessions.sweep());
    assertFalse(store.sessions.containsKey(Sessions.hash(old.token())));
    assertTrue(store.sessions.containsKey(Sessions.hash(recent.token())));
  }
}
