package dev.wirelab.wire;

import java.time.Duration;

/** A point in time after which nothing may block any longer. Monotonic: immune to clock changes. */
public final class Deadline {
  private final long deadlineNanos;

  private Deadline(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  public static Deadline after(Duration duration) {
    if (duration.isNegative()) throw new IllegalArgumentException("duration < 0: " + duration);
    return new Deadline(System.nanoTime() + duration.toNanos());
  }

  /** The earlier of this and {@code now + duration}. */
  public Deadline atMost(Duration duration) {
    Deadline other = after(duration);
    return other.deadlineNanos - deadlineNanos < 0 ? other : this;
  }

  public long remainingNanos() {
    return Math.max(0, deadlineNanos - System.nanoTime());
  }

  public long remainingMillis() {
    return Duration.ofNanos(remainingNanos()).toMillis();
  }

  public boolean isExpired() {
    return remainingNanos() == 0;
  }

  @Override
  public String toString() {
    return "Deadline(in " + remainingMillis() + " ms)";
  }
}
