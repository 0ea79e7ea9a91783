package tw.ecpa.portal.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import tw.ecpa.portal.time.RocDate;

/**
 * A clock that stands at an instant the test chooses and moves only when the test moves it, so that
 * nothing waits for time to pass and nothing depends on the day or hour the suite runs at. Safe to read
 * from a server's threads while the test moves it.
 *
 * <p>{@link #ticking(Instant)} gives one that also runs on from its chosen start at the pace of the
 * machine's monotonic clock, for a server whose users' steps must come one after another in time (mails
 * listed newest first, a session's idle minutes); it never reads the wall clock.
 */
public final class MovableClock extends Clock {

  /** Monday 2026-11-23 13:00 Taiwan time: where a clock stands unless the test chooses. */
  public static final Instant DEFAULT_START = Instant.parse("2026-11-23T05:00:00Z");

  /** Tuesday 2026-11-24 10:00 Taiwan time: a working morning, the helpline open. */
  public static final Instant WORKING_MORNING = taipei("2026-11-24T10:00");

  private final AtomicReference<Instant> start;
  private final long startNanos;
  private final boolean ticking;

  /** A clock standing at {@link #DEFAULT_START}. */
  public MovableClock() {
    this(DEFAULT_START);
  }

  /** A clock standing at the given instant. */
  public MovableClock(Instant start) {
    this(start, false);
  }

  private MovableClock(Instant start, boolean ticking) {
    this.start = new AtomicReference<>(start);
    this.startNanos = System.nanoTime();
    this.ticking = ticking;
  }

  /** A clock that starts at the given instant and runs on from there, as well as moving when told. */
  public static MovableClock ticking(Instant start) {
    return new MovableClock(start, true);
  }

  /** The instant of a Taiwan local date and time, e.g. {@code taipei("2026-11-24T10:00")}. */
  public static Instant taipei(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(RocDate.TAIPEI).toInstant();
  }

  /** Moves the clock forward. */
  public void advance(Duration by) {
    start.updateAndGet(t -> t.plus(by));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Instant at = start.get();
    return ticking ? at.plusNanos(System.nanoTime() - startNanos) : at;
  }

  @Override
  public String toString() {
    return "MovableClock[" + instant() + (ticking ? ", ticking" : "") + "]";
  }
}
