package dev.wirelab.bench.load;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured. Latencies are in microseconds, from a POST being sent to the chunk holding
 * its message arriving at one subscriber; the warm-up's messages are delivered and counted but not in
 * {@code latencyMicros}. {@code serverBefore} and {@code serverAfter} are null for a server in another
 * process.
 */
record LoadResult(
    LoadPlan plan,
    String machine,
    String serverDescription,
    int readyCount,
    int failedBeforePreludeCount,
    int lostCount,
    List<String> subscriberFailures,
    long settleMillis,
    Histogram preludeMicros,
    Poster.Result posts,
    long expectedCount,
    long deliveredCount,
    long missingCount,
    List<String> missingExamples,
    long duplicateCount,
    long outOfOrderCount,
    long foreignCount,
    long heartbeatCount,
    boolean drained,
    Histogram latencyMicros,
    ServerUnderTest.Snapshot serverBefore,
    ServerUnderTest.Snapshot serverAfter,
    ProcessFigures process) {

  /** Every subscriber got every posted message once, in id order, and nothing failed. */
  boolean complete() {
    return failedBeforePreludeCount == 0 && lostCount == 0 && posts.failedCount() == 0 && missingCount == 0
        && duplicateCount == 0 && outOfOrderCount == 0;
  }
}
