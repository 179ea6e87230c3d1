package dev.wirelab.bench.load;

import java.net.InetSocketAddress;

/**
 * What one load run does. {@code target} null means: start Lab 04's reference in this JVM with
 * {@code heartbeatMillis}, {@code preludeBytes} and {@code jdbcUrl}; otherwise those three are the remote
 * server's business and unused.
 */
record LoadPlan(
    int subscriberCount,
    double ratePerSecond,
    double durationSeconds,
    double warmupSeconds,
    int postConnections,
    InetSocketAddress target,
    int heartbeatMillis,
    int preludeBytes,
    String jdbcUrl,
    int connectWindow,
    long readyTimeoutMillis,
    long drainMillis) {

  LoadPlan {
    if (subscriberCount < 1) throw new IllegalArgumentException("subscriberCount < 1: " + subscriberCount);
    if (ratePerSecond <= 0) throw new IllegalArgumentException("ratePerSecond <= 0: " + ratePerSecond);
    if (durationSeconds <= 0) throw new IllegalArgumentException("durationSeconds <= 0: " + durationSeconds);
    if (warmupSeconds < 0) throw new IllegalArgumentException("warmupSeconds < 0: " + warmupSeconds);
    if (postConnections < 1) throw new IllegalArgumentException("postConnections < 1: " + postConnections);
  }

  boolean inProcess() {
    return target == null;
  }

  int warmupMessageCount() {
    return (int) Math.round(ratePerSecond * warmupSeconds);
  }

  int measuredMessageCount() {
    return Math.max(1, (int) Math.round(ratePerSecond * durationSeconds));
  }

  int messageCount() {
    return warmupMessageCount() + measuredMessageCount();
  }
}
