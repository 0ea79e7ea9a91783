package tw.ecpa.portal.mobileid.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.StoreContract;
import tw.ecpa.portal.mobileid.MobileIdTransaction.Status;
import tw.ecpa.portal.mobileid.MobileIdTransaction;

/**
 * The mobile-ID transaction store (V12) on both databases: the same tests run on H2 and on a real
 * PostgreSQL. Subclasses provide a migrated database; each test uses its own identity numbers and hashes.
 */
abstract class MobileIdStoreContract {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  static final Instant T0 = Instant.parse("2026-11-23T05:00:00Z");
  static final Duration POLL = Duration.ofSeconds(4);

  abstract Database database();

  JdbcMobileIdTransactions store;

  @BeforeEach
  void store() {
    store = new JdbcMobileIdTransactions(database());
  }

  /** A fresh SHA-256-long hash for each call. */
  static String freshHash() {
    return String.format("%064x", SEQUENCE.incrementAndGet() + 0x5000_0000L);
  }

  /** A fresh valid identity number for each call (letter M, unlike the other contracts'). */
  static IdNumber freshId() {
    String body = "M2" + String.format("%07d", SEQUENCE.incrementAndGet());
    for (int check = 0; check <= 9; check++) {
      if (IdNumber.isValid(body + check)) {
        return IdNumber.parse(body + check).orElseThrow();
      }
    }
    throw new IllegalStateException();
  }

  static MobileIdTransaction pending(IdNumber id, Instant startedAt) {
    return new MobileIdTransaction(freshHash(), id, id.masked(), freshHash(), Status.PENDING, startedAt,
        startedAt.plus(Duration.ofMinutes(3)), startedAt);
  }

  @Test
  void create_thenFind_roundTripsEveryField() {
    MobileIdTransaction t = pending(freshId(), T0);
    assertTrue(store.create(t, T0));
    assertEquals(t, store.find(t.transactionHash()).orElseThrow());
    assertTrue(store.find(freshHash()).isEmpty());
  }

  @Test
  void create_secondForTheSameIdWhileTheFirstIsLive_refused_butAllowedOnceItEndedOrExpired() {
    IdNumber id = freshId();
    MobileIdTransaction first = pending(id, T0);
    assertTrue(store.create(first, T0));
    assertFalse(store.create(pending(id, T0.plusSeconds(10)), T0.plusSeconds(10)), "the first is live");
    assertTrue(store.create(pending(freshId(), T0), T0), "another number is not concerned");

    assertTrue(store.end(first.transactionHash(), Status.DENIED));
    MobileIdTransaction second = pending(id, T0.plusSeconds(20));
    assertTrue(store.create(second, T0.plusSeconds(20)), "the first ended");

    Instant later = second.expiresAt();
    MobileIdTransaction third = pending(id, later);
    assertTrue(store.create(third, later), "the second expired, unpolled");
    MobileIdTransaction closed = store.find(second.transactionHash()).orElseThrow();
    assertEquals(Status.EXPIRED, closed.status());
    assertNull(closed.idNumber());
    assertEquals(id.masked(), closed.maskedId());
  }

  @Test
  void create_manyForOneIdAtOnce_oneWins() throws Exception {
    List<Integer> winners = StoreContract.raced(() -> {
      IdNumber id = freshId();
      return () -> store.create(pending(id, T0), T0);
    });
    assertTrue(winners.stream().allMatch(w -> w == 1), winners.toString());
  }

  @Test
  void touch_letsAPollThroughEveryFourSecondsOnly_andOnlyWhilePending() {
    MobileIdTransaction t = pending(freshId(), T0);
    store.create(t, T0);
    assertFalse(store.touch(t.transactionHash(), T0.plusSeconds(3), POLL), "the start counts as a poll");
    assertTrue(store.touch(t.transactionHash(), T0.plusSeconds(4), POLL));
    assertEquals(T0.plusSeconds(4), store.find(t.transactionHash()).orElseThrow().lastPollAt());
    assertFalse(store.touch(t.transactionHash(), T0.plusMillis(7999), POLL));
    assertTrue(store.touch(t.transactionHash(), T0.plusSeconds(8), POLL));
    store.end(t.transactionHash(), Status.APPROVED);
    assertFalse(store.touch(t.transactionHash(), T0.plusSeconds(60), POLL), "ended");
    assertFalse(store.touch(freshHash(), T0.plusSeconds(60), POLL), "unknown");
  }

  @Test
  void touch_manyPollsAtOnce_oneLetThrough() throws Exception {
    List<Integer> winners = StoreContract.raced(() -> {
      MobileIdTransaction t = pending(freshId(), T0);
      store.create(t, T0);
      return () -> store.touch(t.transactionHash(), T0.plusSeconds(5), POLL);
    });
    assertTrue(winners.stream().allMatch(w -> w == 1), winners.toString());
  }

  @Test
  void end_onceOnly_forgetsTheIdNumber() {
    MobileIdTransaction t = pending(freshId(), T0);
    store.create(t, T0);
    assertTrue(store.end(t.transactionHash(), Status.APPROVED));
    assertFalse(store.end(t.transactionHash(), Status.DENIED), "ended already");
    MobileIdTransaction ended = store.find(t.transactionHash()).orElseThrow();
    assertEquals(Status.APPROVED, ended.status());
    assertNull(ended.idNumber());
    assertFalse(store.end(freshHash(), Status.FAILED), "unknown");
  }

  @Test
  void end_manyAtOnce_oneWins() throws Exception {
    List<Integer> winners = StoreContract.raced(() -> {
      MobileIdTransaction t = pending(freshId(), T0);
      store.create(t, T0);
      return () -> store.end(t.transactionHash(), Status.APPROVED);
    });
    assertTrue(winners.stream().allMatch(w -> w == 1), winners.toString());
  }

  @Test
  void expireAndRemove_countThoseOfThatMoment() {
    // Long before the other tests' transactions, so that the counts are this test's own.
    Instant at = Instant.parse("2001-02-03T04:05:06Z");
    MobileIdTransaction old = pending(freshId(), at.minus(Duration.ofMinutes(3)));
    MobileIdTransaction live = pending(freshId(), at.minusSeconds(10));
    MobileIdTransaction denied = pending(freshId(), at.minus(Duration.ofMinutes(4)));
    store.create(old, old.startedAt());
    store.create(live, live.startedAt());
    store.create(denied, denied.startedAt());
    store.end(denied.transactionHash(), Status.DENIED);

    assertEquals(1, store.expire(at));
    assertEquals(Status.EXPIRED, store.find(old.transactionHash()).orElseThrow().status());
    assertNull(store.find(old.transactionHash()).orElseThrow().idNumber());
    assertEquals(Status.PENDING, store.find(live.transactionHash()).orElseThrow().status());

    assertEquals(1, store.removeExpiredBefore(at), "the denied one expired a minute before");
    assertTrue(store.find(denied.transactionHash()).isEmpty());
    assertEquals(1, store.removeExpiredBefore(at.plusMillis(1)), "the expired one at that moment");
    assertTrue(store.find(live.transactionHash()).isPresent());
  }
}
