package dev.wirelab.labs.lab02;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether chunks written {@code interval} apart arrived spread out like that. Deliberately tolerant, so
 * a busy two-core machine gives the same verdict every time: a buffered stream has gaps near zero, a
 * flushed one near the interval. The gaps are sorted and the second smallest must be at least half the
 * interval, so one late read (which merges two chunks into one gap of zero) cannot flip the verdict but
 * a server that flushes only every other line fails; the median gap must stay under twice the interval,
 * so a server that ignores the interval and sleeps its own fails too.
 *
 * @param chunkIndex the chunk a report should point at
 */
record ArrivalVerdict(boolean inStep, int chunkIndex, String expected, String actual) {

  static ArrivalVerdict judge(long headerNanos, long[] arrivalNanos, Duration interval) {
    long intervalNanos = interval.toNanos();
    int count = arrivalNanos.length;
    if (count == 0) return new ArrivalVerdict(false, 0, "data chunks, one per line", "no data chunks at all");
    String times = describe(headerNanos, arrivalNanos);
    long firstDelay = arrivalNanos[0] - headerNanos;
    if (firstDelay > intervalNanos / 2) {
      return new ArrivalVerdict(false, 0, "the first line right after the header section",
          "the first line " + millis(firstDelay) + " after the header section; " + times);
    }
    if (count < 2) return new ArrivalVerdict(true, 0, "", "");
    long[] gaps = new long[count - 1];
    for (int i = 1; i < count; i++) gaps[i - 1] = arrivalNanos[i] - arrivalNanos[i - 1];
    long[] sorted = gaps.clone();
    Arrays.sort(sorted);
    long median = sorted[sorted.length / 2];
    long secondSmallest = sorted[Math.min(1, sorted.length - 1)];
    if (median > 2 * intervalNanos) {
      return new ArrivalVerdict(false, 1, "chunks about " + interval.toMillis() + " ms apart",
          "a median gap of " + millis(median) + ", more than twice the interval; " + times);
    }
    if (secondSmallest >= intervalNanos / 2) return new ArrivalVerdict(true, 0, "", "");
    // Point at the first chunk that came too soon: the same chunk on every run for the same server.
    int worst = 0;
    while (worst < gaps.length - 1 && gaps[worst] >= intervalNanos / 2) worst++;
    String why = arrivalNanos[0] - headerNanos < intervalNanos / 2 && headerNanos > (count - 1) * intervalNanos / 2
        ? "all at the end, as if a buffer held them until the response was complete"
        : "all together, as if the lines were written without waiting";
    return new ArrivalVerdict(false, worst + 1,
        "chunks about " + interval.toMillis() + " ms apart (all gaps but one at least " + interval.toMillis() / 2
            + " ms)",
        "gaps of " + describeGaps(gaps) + ": " + why + "; " + times);
  }

  private static String describeGaps(long[] gaps) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < gaps.length; i++) text.append(i == 0 ? "" : ", ").append(millis(gaps[i]));
    return text.toString();
  }

  private static String describe(long headerNanos, long[] arrivalNanos) {
    StringBuilder text = new StringBuilder("header section at " + millis(headerNanos) + ", chunks at ");
    for (int i = 0; i < arrivalNanos.length; i++) {
      if (i > 0) text.append(", ");
      text.append(millis(arrivalNanos[i]));
    }
    return text.toString();
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
