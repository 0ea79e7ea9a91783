package tw.ecpa.portal.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.testing.MovableClock;

class RateLimiterTest {

  final MovableClock clock = new MovableClock();
  final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10), clock);

  @Test
  void allowsTheLimitPerKey_thenRefusesUntilTheWindowEnds() {
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.tryAcquire("10.0.0.1"));
    }
    assertFalse(limiter.tryAcquire("10.0.0.1"));
    assertTrue(limiter.exhausted("10.0.0.1"));
    assertTrue(limiter.tryAcquire("10.0.0.2"), "another key has its own count");
    assertEquals(600, limiter.retryAfterSeconds("10.0.0.1"));

    clock.advance(Duration.ofMinutes(10));
    assertFalse(limiter.exhausted("10.0.0.1"));
    assertTrue(limiter.tryAcquire("10.0.0.1"));
  }

  @Test
  void recordedFailures_countWithoutBeingRefused() {
    limiter.record("k");
    limiter.record("k");
    assertFalse(limiter.exhausted("k"));
    limiter.record("k");
    assertTrue(limiter.exhausted("k"));
    assertEquals(0, limiter.retryAfterSeconds("unknown"));
  }

  @Test
  void manyKeys_areSweptOnceTheirWindowHasPassed() {
    for (int i = 0; i < 20_000; i++) {
      limiter.tryAcquire("key" + i);
    }
    clock.advance(Duration.ofMinutes(11));
    assertTrue(limiter.tryAcquire("fresh"));
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.tryAcquire("key1"), "old windows no longer count");
    }
  }

  @Test
  void aLimitNeedsAPositiveWindow() {
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, Duration.ofMinutes(1), clock));
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, Duration.ZERO, clock));
  }
}
