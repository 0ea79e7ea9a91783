package tw.ecpa.portal.captcha.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.captcha.Captcha;
import tw.ecpa.portal.jdbc.Database;

/**
 * The captcha store's behaviour on both databases: the same tests run on H2 and on a real
 * PostgreSQL. Subclasses provide a migrated database; each test uses its own ids.
 */
abstract class CaptchaStoreContract {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  static final Instant T0 = Instant.parse("2026-11-23T05:00:00Z");
  static final String HASH = "a".repeat(64);

  abstract Database database();

  JdbcCaptchaStore store;

  @BeforeEach
  void store() {
    store = new JdbcCaptchaStore(database());
  }

  /** A fresh id for each call, as long as the real ones. */
  static String freshId() {
    return String.format("captcha-%024d", SEQUENCE.incrementAndGet());
  }

  @Test
  void save_thenTake_givesItBackOnceOnly() {
    Captcha captcha = new Captcha(freshId(), HASH, T0.plusSeconds(300));
    store.save(captcha);
    assertEquals(Optional.of(captcha), store.take(captcha.id()));
    assertEquals(Optional.empty(), store.take(captcha.id()));
  }

  @Test
  void take_unknownId_isEmpty() {
    assertEquals(Optional.empty(), store.take(freshId()));
    assertEquals(Optional.empty(), store.take(""));
  }

  @Test
  void save_sameIdTwice_isRefusedByTheDatabase() {
    Captcha captcha = new Captcha(freshId(), HASH, T0);
    store.save(captcha);
    assertThrows(RuntimeException.class, () -> store.save(captcha));
  }

  @Test
  void removeExpired_removesThoseExpiredByThatMoment_andCountsThem() {
    // Long before the other tests' captchas, so that the count is this test's own.
    Instant at = Instant.parse("2001-02-03T04:05:06Z");
    Captcha before = new Captcha(freshId(), HASH, at.minusSeconds(1));
    Captcha exactly = new Captcha(freshId(), HASH, at);
    Captcha after = new Captcha(freshId(), HASH, at.plusSeconds(1));
    store.save(before);
    store.save(exactly);
    store.save(after);
    assertEquals(2, store.removeExpired(at));
    assertEquals(Optional.empty(), store.take(before.id()));
    assertEquals(Optional.empty(), store.take(exactly.id()));
    assertEquals(Optional.of(after), store.take(after.id()));
  }

  @Test
  void take_sameIdFromManyThreadsAtOnce_onlyOneGetsIt() throws Exception {
    int threads = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        Captcha captcha = new Captcha(freshId(), HASH, T0.plusSeconds(300));
        store.save(captcha);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Captcha>>> takes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          takes.add(pool.submit(() -> {
            start.await();
            return store.take(captcha.id());
          }));
        }
        start.countDown();
        int got = 0;
        for (Future<Optional<Captcha>> take : takes) {
          Optional<Captcha> taken = take.get(30, TimeUnit.SECONDS);
          if (taken.isPresent()) {
            assertEquals(captcha, taken.get());
            got++;
          }
        }
        assertEquals(1, got, "round " + round);
      }
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }
}
