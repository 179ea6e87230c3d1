package dev.wirelab.bench.load;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** Prints a {@link LoadResult} as a block of labelled lines, the form the notes quote. */
final class LoadReport {
  private static final String INDENT = "             ";

  private LoadReport() {}

  static String format(LoadResult result, String commandLine, double goalP99Millis) {
    LoadPlan plan = result.plan();
    StringBuilder out = new StringBuilder();
    line(out, "comet load", plan.subscriberCount() + " subscribers on GET /stream, " + number(plan.ratePerSecond())
        + " messages/s for " + number(plan.durationSeconds()) + " s"
        + (plan.warmupMessageCount() > 0 ? " after a " + number(plan.warmupSeconds()) + " s warm-up" : ""));
    line(out, "machine", result.machine());
    line(out, "server", result.serverDescription() + (plan.inProcess() ? " (HEARTBEAT_MS " + plan.heartbeatMillis()
        + ", PRELUDE_BYTES " + plan.preludeBytes() + ", " + plan.jdbcUrl() + ")" : ""));
    Histogram prelude = result.preludeMicros();
    line(out, "subscribers", result.readyCount() + " of " + plan.subscriberCount() + " had their prelude after "
        + seconds(result.settleMillis()) + (prelude.getTotalCount() == 0 ? "" : "; connect to prelude p50 "
        + millis(prelude.getValueAtPercentile(50)) + ", p99 " + millis(prelude.getValueAtPercentile(99))
        + ", max " + millis(prelude.getMaxValue())));
    if (result.failedBeforePreludeCount() > 0 || result.lostCount() > 0) {
      line(out, "", result.failedBeforePreludeCount() + " never had a prelude, " + result.lostCount()
          + " lost their stream later");
    }
    result.subscriberFailures().forEach(failure -> line(out, "", failure));
    Poster.Result posts = result.posts();
    Histogram roundTrip = posts.roundTripMicros();
    double seconds = (posts.lastSendNanos() - posts.firstSendNanos()) / 1e9;
    line(out, "posts", posts.postedCount() + " of " + (posts.postedCount() + posts.failedCount())
        + " answered 201" + (seconds > 0 ? String.format(Locale.ROOT, ", %.1f/s", (posts.postedCount() - 1) / seconds)
        : "") + (roundTrip.getTotalCount() == 0 ? "" : "; round trip p50 " + millis(roundTrip.getValueAtPercentile(50))
        + ", p99 " + millis(roundTrip.getValueAtPercentile(99)) + ", max " + millis(roundTrip.getMaxValue()))
        + "; at most " + millis(posts.maxLatenessMicros()) + " late");
    posts.failures().forEach(failure -> line(out, "", failure));
    line(out, "delivered", result.deliveredCount() + " of " + result.expectedCount() + " expected: "
        + result.missingCount() + " missing, " + result.duplicateCount() + " duplicated, "
        + result.outOfOrderCount() + " out of id order" + (result.drained() ? "" : " (still missing when the "
        + seconds(plan.drainMillis()) + " drain ran out)"));
    result.missingExamples().forEach(example -> line(out, "", example));
    if (result.foreignCount() > 0) line(out, "", result.foreignCount() + " messages not posted by this run, ignored");
    Histogram latency = result.latencyMicros();
    line(out, "latency", "POST sent to chunk received, " + latency.getTotalCount() + " deliveries measured"
        + (plan.warmupMessageCount() > 0 ? ", not the warm-up's " + plan.warmupMessageCount() + " messages" : ""));
    if (latency.getTotalCount() > 0) {
      line(out, "", "p50 " + millis(latency.getValueAtPercentile(50)) + "   p90 "
          + millis(latency.getValueAtPercentile(90)) + "   p99 " + millis(latency.getValueAtPercentile(99))
          + "   p99.9 " + millis(latency.getValueAtPercentile(99.9)) + "   max " + millis(latency.getMaxValue()));
      line(out, "", "mean " + millis(Math.round(latency.getMean())) + ", stddev "
          + millis(Math.round(latency.getStdDeviation())));
      double p99 = latency.getValueAtPercentile(99) / 1000.0;
      line(out, "goal", "p99 under " + number(goalP99Millis) + " ms at " + plan.subscriberCount() + " subscribers: "
          + (p99 < goalP99Millis && result.complete() ? "holds" : "does not hold") + " (p99 " + millis(
          latency.getValueAtPercentile(99)) + (result.complete() ? "" : ", and not every message arrived") + ")");
    }
    if (result.serverAfter() == null) {
      line(out, "threads", "n/a: the server runs in another process");
      line(out, "heap", "n/a");
    } else {
      ServerUnderTest.Snapshot before = result.serverBefore();
      ServerUnderTest.Snapshot after = result.serverAfter();
      line(out, "threads", after.liveThreads() + " live in this JVM with the subscribers connected, "
          + (after.liveThreads() - before.liveThreads()) + " more than before the server started (one is the"
          + " load tool's I/O thread); peak " + after.peakThreads());
      line(out, "", "by name: " + largestGroups(after.threadsByName()));
      line(out, "heap", mebibytes(after.heapUsedBytes()) + " used after GC with the subscribers connected, "
          + mebibytes(before.heapUsedBytes()) + " before the server started");
    }
    ProcessFigures process = result.process();
    line(out, "cpu", (Double.isNaN(process.cpusUsed()) ? "n/a" : String.format(Locale.ROOT, "%.2f",
        process.cpusUsed())) + " CPUs used by this process on average while posting"
        + (plan.inProcess() ? " (server and load tool)" : " (the load tool alone)")
        + (process.ioThreadCpuMillis() < 0 ? ""
        : "; the subscribers' I/O thread " + seconds(process.ioThreadCpuMillis()) + " in all"));
    if (!Double.isNaN(process.machineBusyCpus())) {
      line(out, "", String.format(Locale.ROOT, "the machine: %.2f CPUs busy, so %.2f in other processes; %.2f stolen"
          + " by the hypervisor", process.machineBusyCpus(), Math.max(0, process.machineBusyCpus()
          - process.cpusUsed()), process.machineStolenCpus()));
    }
    Histogram hiccups = process.hiccupMicros();
    line(out, "pauses", "a 1 ms sleep in this process overslept by p99 " + millis(hiccups.getValueAtPercentile(99))
        + ", max " + millis(hiccups.getMaxValue()) + " while posting; " + process.gcCount() + " garbage collections, "
        + process.gcMillis() + " ms in all");
    line(out, "reproduce", commandLine);
    return out.toString();
  }

  private static String largestGroups(Map<String, Integer> threadsByName) {
    return threadsByName.entrySet().stream().limit(4)
        .map(entry -> entry.getKey() + " " + entry.getValue())
        .collect(Collectors.joining(", "));
  }

  private static void line(StringBuilder out, String label, String text) {
    out.append(label.isEmpty() ? INDENT : String.format(Locale.ROOT, "%-12s ", label + ":")).append(text).append('\n');
  }

  static String millis(long micros) {
    return micros < 10_000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000.0)
        : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
