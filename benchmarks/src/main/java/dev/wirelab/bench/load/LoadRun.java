package dev.wirelab.bench.load;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One run, in four phases: start the server (or find it); open S subscribers and wait for every prelude;
 * post the warm-up and then the measured messages at the steady rate; wait for the last deliveries. The
 * subscribers stay connected until the server's threads and heap have been read.
 */
final class LoadRun {
  private static final int MAX_EXAMPLES = 5;

  private LoadRun() {}

  static LoadResult run(LoadPlan plan) throws IOException, InterruptedException {
    ServerUnderTest.Snapshot before = plan.inProcess() ? ServerUnderTest.snapshot() : null;
    try (ServerUnderTest server = ServerUnderTest.start(plan)) {
      ServerUnderTest.resetPeakThreads();
      SentMessages sent = new SentMessages(plan.messageCount(), plan.warmupMessageCount());
      try (StreamSubscribers subscribers = new StreamSubscribers(server.address(), plan.subscriberCount(),
          plan.connectWindow(), sent)) {
        long settleStart = System.nanoTime();
        subscribers.start();
        subscribers.awaitSettled(plan.readyTimeoutMillis());
        long settleMillis = (System.nanoTime() - settleStart) / 1_000_000;
        Posting posting = post(plan, server, sent);
        boolean drained = subscribers.awaitDelivered((long) subscribers.readyCount() * sent.sentCount(),
            plan.drainMillis());
        ServerUnderTest.Snapshot after = server.inProcess() ? ServerUnderTest.snapshot() : null;
        ProcessFigures process = posting.process().withIoThreadCpuMillis(threadCpuMillis(subscribers.ioThreadId()));
        subscribers.stop(); // the tally reads what the I/O thread recorded, so that thread must have ended
        return tally(plan, server.description(), subscribers, sent, settleMillis, posting.posts(), drained, before,
            after, process);
      }
    }
  }

  private record Posting(Poster.Result posts, ProcessFigures process) {}

  /** The measured phase: every post, and what this process and the machine did meanwhile. */
  private static Posting post(LoadPlan plan, ServerUnderTest server, SentMessages sent) throws InterruptedException {
    long cpuStart = processCpuNanos();
    long[] gcStart = garbageCollections();
    MachineCpu machineStart = MachineCpu.now();
    long wallStart = System.nanoTime();
    Poster.Result posts;
    Histogram hiccupMicros;
    try (Hiccups hiccups = new Hiccups().start()) {
      posts = Poster.postAll(server.address(), sent, plan.ratePerSecond(), plan.messageCount(),
          plan.postConnections());
      hiccupMicros = hiccups.stop();
    }
    long wallNanos = System.nanoTime() - wallStart;
    MachineCpu machineEnd = MachineCpu.now();
    long[] gcEnd = garbageCollections();
    boolean machineKnown = machineStart != null && machineEnd != null;
    return new Posting(posts, new ProcessFigures(cpuPerWall(processCpuNanos() - cpuStart, wallNanos),
        machineKnown ? machineEnd.busyCpusSince(machineStart, wallNanos) : Double.NaN,
        machineKnown ? machineEnd.stolenCpusSince(machineStart, wallNanos) : Double.NaN,
        -1, hiccupMicros, gcEnd[0] - gcStart[0], gcEnd[1] - gcStart[1]));
  }

  private static LoadResult tally(LoadPlan plan, String serverDescription, StreamSubscribers subscribers,
      SentMessages sent, long settleMillis, Poster.Result posts, boolean drained, ServerUnderTest.Snapshot before,
      ServerUnderTest.Snapshot after, ProcessFigures process) {
    BitSet posted = new BitSet(sent.capacity());
    for (int sequence = 0; sequence < sent.capacity(); sequence++) {
      if (sent.sentAt(sequence) != 0) posted.set(sequence);
    }
    int readyCount = 0;
    int failedBeforePrelude = 0;
    int lost = 0;
    long expected = 0;
    long delivered = 0;
    long missing = 0;
    long duplicates = 0;
    long outOfOrder = 0;
    long foreign = 0;
    long heartbeats = 0;
    List<String> failures = new ArrayList<>();
    List<String> missingExamples = new ArrayList<>();
    for (Subscriber subscriber : subscribers.subscribers()) {
      if (subscriber.hasFailed() && failures.size() < MAX_EXAMPLES) {
        failures.add("subscriber " + subscriber.index + ": " + subscriber.failure);
      }
      if (!subscriber.hasPrelude()) {
        failedBeforePrelude++;
        continue;
      }
      readyCount++;
      if (subscriber.hasFailed()) lost++;
      BitSet notReceived = (BitSet) posted.clone();
      notReceived.andNot(subscriber.received);
      expected += posted.cardinality();
      delivered += subscriber.deliveredCount;
      missing += notReceived.cardinality();
      if (!notReceived.isEmpty() && missingExamples.size() < MAX_EXAMPLES) {
        missingExamples.add("subscriber " + subscriber.index + " lacks " + notReceived.cardinality()
            + ", first \"load " + notReceived.nextSetBit(0) + "\"");
      }
      duplicates += subscriber.duplicateCount;
      outOfOrder += subscriber.outOfOrderCount;
      foreign += subscriber.foreignCount;
      heartbeats += subscriber.heartbeatCount;
    }
    failedBeforePrelude += plan.subscriberCount() - subscribers.subscribers().size(); // never even opened
    return new LoadResult(plan, Machine.describe(), serverDescription, readyCount, failedBeforePrelude, lost,
        failures, settleMillis, subscribers.preludeMicros(), posts, expected, delivered, missing, missingExamples,
        duplicates, outOfOrder, foreign, heartbeats, drained, subscribers.latencyMicros(), before, after, process);
  }

  /** How many garbage collections this JVM has made, and how many milliseconds they took. */
  private static long[] garbageCollections() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, collector.getCollectionCount());
      millis += Math.max(0, collector.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  private static double cpuPerWall(long cpuNanos, long wallNanos) {
    return cpuNanos < 0 || wallNanos <= 0 ? Double.NaN : (double) cpuNanos / wallNanos;
  }

  private static long threadCpuMillis(long threadId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(threadId) : -1;
    return nanos < 0 ? -1 : nanos / 1_000_000;
  }

  /** The machine in one line: what a reader needs to compare figures. */
  static final class Machine {
    private Machine() {}

    static String describe() {
      Runtime runtime = Runtime.getRuntime();
      return String.format(Locale.ROOT, "%s %s %s, %d CPUs%s, %s %s, max heap %d MiB",
          System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
          runtime.availableProcessors(), cpuModel(), System.getProperty("java.vm.name"),
          System.getProperty("java.version"), runtime.maxMemory() / (1024 * 1024));
    }

    private static String cpuModel() {
      try {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(line -> line.startsWith("model name"))
            .findFirst()
            .map(line -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
            .orElse("");
      } catch (IOException | RuntimeException e) {
        return ""; // not Linux: the count of CPUs has to do
      }
    }
  }
}
