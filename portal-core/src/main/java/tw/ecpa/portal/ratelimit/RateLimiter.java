package tw.ecpa.portal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key (a client address, an identity number) in each window of
 * time. Counts live in this node's memory: a limit is per node, which is enough to slow down guessing
 * and flooding. Keys whose window has passed are dropped as the map grows, so memory stays bounded by
 * the keys seen in one window.
 */
public final class RateLimiter {

  private static final int SWEEP_ABOVE = 10_000;

  private record Window(Instant start, int count) {}

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  /** Creates a limiter allowing {@code limit} events per key in each {@code window}. */
  public RateLimiter(int limit, Duration window, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a limit needs at least one event in a positive window");
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Counts an event for the key when it is under the limit; false (and nothing counted) when over. */
  public boolean tryAcquire(String key) {
    Instant now = clock.instant();
    if (windows.size() > SWEEP_ABOVE) {
      windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
    }
    boolean[] allowed = new boolean[1];
    windows.compute(key, (k, w) -> {
      if (w == null || !now.isBefore(w.start().plus(window))) {
        allowed[0] = true;
        return new Window(now, 1);
      }
      allowed[0] = w.count() < limit;
      return allowed[0] ? new Window(w.start(), w.count() + 1) : w;
    });
    return allowed[0];
  }

  /** Whether the key is at its limit now, without counting anything. */
  public boolean exhausted(String key) {
    Window w = windows.get(key);
    return w != null && clock.instant().isBefore(w.start().plus(window)) && w.count() >= limit;
  }

  /** Counts an event for the key regardless of the limit (a failure that already happened). */
  public void record(String key) {
    Instant now = clock.instant();
    windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(window))
        ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
  }

  /** Seconds until the key's window ends (0 when it is not limited). */
  public long retryAfterSeconds(String key) {
    Window w = windows.get(key);
    if (w == null) {
      return 0;
    }
    Duration left = Duration.between(clock.instant(), w.start().plus(window));
    return left.isNegative() ? 0 : Math.max(1, left.toSeconds());
  }
}
