package tw.ecpa.portal.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand, so that nothing waits for time to pass. */
public final class MovableClock extends Clock {

  private Instant now;

  /** A clock standing at 2026-11-23 13:00 Taiwan time. */
  public MovableClock() {
    this(Instant.parse("2026-11-23T05:00:00Z"));
  }

  /** A clock standing at the given instant. */
  public MovableClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock forward. */
  public void advance(Duration by) {
    now = now.plus(by);
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
    return now;
  }
}
