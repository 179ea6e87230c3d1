package dev.wirelab.bench.load;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How long does a pushed message take to reach a thousand open {@code /stream}s? The question behind Lab 04:
 * the seed polled its database once a second, so every reader waited up to a second; push on insert should
 * bring that down to the time it takes to write one chunk to every subscriber.
 *
 * <p>The run opens S subscribers ({@code GET /stream}, on one NIO thread), waits until each has its prelude,
 * then posts R messages a second for D seconds over one kept-alive connection, and records for every
 * message and every subscriber the time from the POST being sent to the chunk holding the message
 * arriving. The body of message i is {@code load i}, which is how a subscriber knows when it was sent.
 *
 * <p>By default the Lab 04 reference runs in this JVM, so its threads and heap can be read; both processes
 * then share the machine's CPUs, which the report states. {@code --target HOST:PORT} loads any server.
 *
 * <pre>
 * java -jar benchmarks/target/comet-load.jar --subscribers 1000
 * </pre>
 * What you should see: every message delivered to every subscriber, and the latency percentiles; notes/04
 * ("Load figures") has the figures from one 2-CPU machine and what they say about thread-per-subscriber.
 */
@Command(name = "comet-load", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Pushes messages to many /stream subscribers of a Lab 04 server and reports delivery latency.")
public final class CometLoad implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-s", "--subscribers"}, paramLabel = "S",
      description = "Streaming subscribers (default: ${DEFAULT-VALUE}).")
  int subscriberCount = 100;

  @Option(names = {"-r", "--rate"}, paramLabel = "R",
      description = "Messages posted per second (default: ${DEFAULT-VALUE}).")
  double ratePerSecond = 20;

  @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS",
      description = "How long to post and measure (default: ${DEFAULT-VALUE}).")
  double durationSeconds = 10;

  @Option(names = "--warmup", paramLabel = "SECONDS", description = "Posting at the same rate first, not measured"
      + " (default: ${DEFAULT-VALUE}).")
  double warmupSeconds = 2;

  @Option(names = "--post-connections", paramLabel = "N",
      description = "Kept-alive connections the posts take turns on (default: ${DEFAULT-VALUE}).")
  int postConnections = 4;

  @Option(names = "--target", paramLabel = "HOST:PORT", description = "Load this server instead of starting the"
      + " reference in process; its threads and heap are then not reported.")
  String target;

  @Option(names = "--heartbeat-ms", paramLabel = "MS",
      description = "WIRELAB_HEARTBEAT_MS of the reference in process (default: ${DEFAULT-VALUE}).")
  int heartbeatMillis = 15_000;

  @Option(names = "--prelude-bytes", paramLabel = "BYTES",
      description = "WIRELAB_PRELUDE_BYTES of the reference in process (default: ${DEFAULT-VALUE}).")
  int preludeBytes = 1024;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "WIRELAB_JDBC_URL of the reference in process (default: a new in-memory H2 database).")
  String jdbcUrl;

  @Option(names = "--connect-window", paramLabel = "N",
      description = "Subscribers connecting at once (default: ${DEFAULT-VALUE}).")
  int connectWindow = 50;

  @Option(names = "--ready-timeout-ms", paramLabel = "MS",
      description = "How long to wait for every prelude (default: ${DEFAULT-VALUE}).")
  long readyTimeoutMillis = 60_000;

  @Option(names = "--drain-ms", paramLabel = "MS",
      description = "How long to wait for the last deliveries (default: ${DEFAULT-VALUE}).")
  long drainMillis = 10_000;

  @Option(names = "--goal-p99-ms", paramLabel = "MS",
      description = "The latency goal the report checks (default: ${DEFAULT-VALUE}).")
  double goalP99Millis = 100;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CometLoad()).execute(args));
  }

  /** Exit status 0 when every subscriber got every message once and in order, 1 otherwise. */
  @Override
  public Integer call() throws Exception {
    LoadPlan plan;
    try {
      plan = plan();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    LoadResult result = LoadRun.run(plan);
    System.out.print(LoadReport.format(result, commandLine(), goalP99Millis));
    return result.complete() ? 0 : 1;
  }

  LoadPlan plan() {
    String url = jdbcUrl != null ? jdbcUrl : "jdbc:h2:mem:wirelab-load-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    return new LoadPlan(subscriberCount, ratePerSecond, durationSeconds, warmupSeconds, postConnections, target(),
        heartbeatMillis, preludeBytes, url, connectWindow, readyTimeoutMillis, drainMillis);
  }

  private InetSocketAddress target() {
    if (target == null) return null;
    int colon = target.lastIndexOf(':');
    if (colon <= 0) throw new IllegalArgumentException("expected --target HOST:PORT but was \"" + target + "\"");
    return new InetSocketAddress(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
  }

  /** The command that repeats this run: the jar (or class path), the JVM's options and every setting. */
  private String commandLine() {
    List<String> words = new ArrayList<>(List.of("java"));
    words.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    String classPath = System.getProperty("java.class.path");
    if (classPath.endsWith("comet-load.jar") && !classPath.contains(java.io.File.pathSeparator)) {
      words.addAll(List.of("-jar", Path.of(classPath).toString()));
    } else {
      words.addAll(List.of("-cp", "\"$CLASSPATH\"", CometLoad.class.getName()));
    }
    words.addAll(List.of("--subscribers", Integer.toString(subscriberCount), "--rate", number(ratePerSecond),
        "--duration", number(durationSeconds), "--warmup", number(warmupSeconds), "--post-connections",
        Integer.toString(postConnections)));
    if (target != null) {
      words.addAll(List.of("--target", target));
    } else {
      words.addAll(List.of("--heartbeat-ms", Integer.toString(heartbeatMillis), "--prelude-bytes",
          Integer.toString(preludeBytes)));
    }
    return String.join(" ", words);
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
