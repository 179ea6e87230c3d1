package dev.wirelab.bench.load;

import dev.wirelab.api.LabConfig;
import dev.wirelab.api.LabServer;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server a run loads: Lab 04's reference, started in this JVM so that its threads and heap can be
 * read through the management beans, or any server at {@code --target HOST:PORT}, which this process
 * can't look into.
 */
final class ServerUnderTest implements AutoCloseable {
  /** Threads and heap of this JVM at one moment: the server's and the load tool's together. */
  record Snapshot(int liveThreads, int peakThreads, long heapUsedBytes, Map<String, Integer> threadsByName) {}

  private final LabServer server;
  private final InetSocketAddress address;

  private ServerUnderTest(LabServer server, InetSocketAddress address) {
    this.server = server;
    this.address = address;
  }

  static ServerUnderTest start(LoadPlan plan) throws IOException {
    if (!plan.inProcess()) return new ServerUnderTest(null, plan.target());
    LabServer server = new ReferenceServer();
    server.start(LabConfig.of(Map.of(
        LabConfig.PORT, "0",
        "JDBC_URL", plan.jdbcUrl(),
        "HEARTBEAT_MS", Integer.toString(plan.heartbeatMillis()),
        "PRELUDE_BYTES", Integer.toString(plan.preludeBytes()))));
    return new ServerUnderTest(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
  }

  InetSocketAddress address() {
    return address;
  }

  boolean inProcess() {
    return server != null;
  }

  String description() {
    return inProcess() ? server.getClass().getName() + " in this JVM"
        : address.getHostString() + ":" + address.getPort() + " (another process)";
  }

  /** Starts counting the peak thread count from now. */
  static void resetPeakThreads() {
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
  }

  /** Collects garbage first, so the heap figure is what is live rather than what awaits collection. */
  static Snapshot snapshot() {
    System.gc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Map<String, Integer> byName = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      byName.merge(thread.getName().replaceAll("\\d+", "N"), 1, Integer::sum); // pool-1-thread-7: pool-N-thread-N
    }
    Map<String, Integer> largestFirst = new LinkedHashMap<>();
    byName.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(entry -> largestFirst.put(entry.getKey(), entry.getValue()));
    return new Snapshot(threads.getThreadCount(), threads.getPeakThreadCount(), heapUsed, largestFirst);
  }

  @Override
  public void close() throws IOException {
    if (server != null) server.close();
  }
}
