package dev.wirelab.bench.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the whole JMH suite (every {@code dev.wirelab.bench.*.B0*} class), then turns JMH's JSON into
 * charts and prints the goals next to the figures just measured:
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar            # the defaults of each class: minutes
 *   java -jar benchmarks/target/benchmarks.jar --quick    # every benchmark once, 100 ms: a smoke check
 *   java -jar benchmarks/target/benchmarks.jar --include B05
 * </pre>
 *
 * Everything a run writes goes into one folder, {@code <out>/<timestamp>/}: {@code jmh.json},
 * {@code jmh.txt} (JMH's own output), one PNG per benchmark class, {@code goals.txt}. The goals are
 * printed, never asserted: a figure that misses one is a finding, not a failed build.
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true,
    description = "Runs the wirelab JMH suite and writes jmh.json, charts and the goals into one folder.")
public final class Suite implements Callable<Integer> {
  /** Every suite class: {@code B01_FlushLatency} to {@code B05_KeepAlive}, in whichever package. */
  public static final String SUITE_PATTERN = "^dev\\.wirelab\\.bench\\.\\w+\\.B0\\d\\w*\\.";

  @Option(names = "--quick", description = "Every benchmark once, briefly: in process (forks 0), no warm-up, "
      + "one iteration of 100 ms. Checks that they run; the figures mean little.")
  boolean quick;

  @Option(names = "--include", paramLabel = "REGEX", description = "Only benchmarks whose full name matches "
      + "(found anywhere in it, as JMH does), e.g. B05 or 'B01.*RAW'. Default: the whole suite.")
  String include;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for the timestamped results folder. Default: "
      + "benchmarks/target/results from the repository's root, target/results elsewhere.")
  Path out;

  @Option(names = "--from", paramLabel = "DIR", description = "Run nothing: read DIR/jmh.json from an earlier run "
      + "and draw its charts and goals into DIR again.")
  Path from;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Suite()).execute(args));
  }

  @Override
  public Integer call() throws IOException, RunnerException {
    return run(System.out).complete() ? 0 : 1;
  }

  /** What a run left behind, for the caller (and the smoke test) to check. */
  public record Outcome(Path folder, Path json, Set<String> expectedClasses, Set<String> measuredClasses,
      List<Path> charts) {
    public boolean complete() {
      return measuredClasses.containsAll(expectedClasses) && !expectedClasses.isEmpty();
    }
  }

  public Outcome run(PrintStream console) throws IOException, RunnerException {
    Path folder = from != null ? from
        : resultsRoot().resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(folder);
    Path json = folder.resolve("jmh.json");
    Machine machine = Machine.current();
    Set<String> expected = benchmarkClasses();
    console.println("suite:   " + expected.size() + " benchmark classes " + expected + (quick ? ", quick mode" : ""));
    console.println("machine: " + machine.describe());
    console.println("results: " + folder.toAbsolutePath());
    if (expected.isEmpty()) {
      console.println("no benchmark matches " + includePattern() + ": nothing to run");
      return new Outcome(folder, json, expected, Set.of(), List.of());
    }

    String machineLine = from != null ? earlierMachineLine(folder).orElse(machine.describe() + " (this machine)")
        : machine.describe();
    long startNanos = System.nanoTime();
    if (from == null) runJmh(json, folder.resolve("jmh.txt"), console);
    long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);

    List<BenchmarkResult> results = Files.exists(json) ? JmhResults.read(json) : List.of();
    Set<String> measured = results.stream().map(BenchmarkResult::className).collect(Collectors.toCollection(TreeSet::new));
    List<Path> charts = new ArrayList<>(Charts.drawAll(results, folder));

    StringBuilder report = new StringBuilder();
    report.append("machine: ").append(machineLine).append('\n');
    if (from != null) {
      report.append("run:     none; ").append(results.size()).append(" results read from ").append(json).append('\n');
    } else {
      report.append("run:     ").append(quick ? "quick (forks 0, no warm-up, 1 iteration of 100 ms)" : "each class's defaults")
          .append(", ").append(results.size()).append(" results in ").append(elapsedSeconds).append(" s\n");
    }
    for (String missing : difference(expected, measured)) {
      report.append("MISSING: no result for ").append(missing).append(" (see jmh.txt for its error)\n");
    }
    report.append('\n').append(Goals.report(results));
    Files.writeString(folder.resolve("goals.txt"), report, StandardCharsets.UTF_8);
    console.println();
    console.print(report);
    console.println("charts:  " + charts.stream().map(path -> path.getFileName().toString()).collect(Collectors.joining(", ")));
    return new Outcome(folder, json, expected, measured, charts);
  }

  /** The machine an earlier run came from, as its goals.txt says: --from must not claim this one's. */
  private static Optional<String> earlierMachineLine(Path folder) throws IOException {
    Path goals = folder.resolve("goals.txt");
    if (!Files.exists(goals)) return Optional.empty();
    return Files.readAllLines(goals, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("machine: ")).map(line -> line.substring("machine: ".length())).findFirst();
  }

  private void runJmh(Path json, Path jmhTextFile, PrintStream console) throws IOException, RunnerException {
    String ignoreLock = System.getProperty("jmh.ignoreLock");
    if (quick) {
      // JMH refuses to start while another JMH run holds /tmp/jmh.lock, to keep two runs from skewing each
      // other's figures. A quick run's figures mean nothing, and a parallel build must not fail on it.
      System.setProperty("jmh.ignoreLock", "true");
    }
    try (PrintStream jmhText = new PrintStream(Files.newOutputStream(jmhTextFile), true, StandardCharsets.UTF_8)) {
      // JMH's own report, both on the console (a full run takes minutes: show progress) and in jmh.txt.
      PrintStream both = new PrintStream(new Tee(console, jmhText), true, StandardCharsets.UTF_8);
      new Runner(options(json).build(), OutputFormatFactory.createFormatInstance(both, VerboseMode.NORMAL)).run();
      both.flush();
    } finally {
      if (ignoreLock == null) System.clearProperty("jmh.ignoreLock");
      else System.setProperty("jmh.ignoreLock", ignoreLock);
    }
  }

  private ChainedOptionsBuilder options(Path json) {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(includePattern())
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString());
    if (quick) {
      options.forks(0).warmupIterations(0).measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(100))
          // A benchmark that hangs in quick mode is broken; fail it rather than hold the build.
          .timeout(TimeValue.seconds(20));
    }
    return options;
  }

  private String includePattern() {
    return include == null ? SUITE_PATTERN : include;
  }

  /** The simple names of the classes this run will measure, from JMH's generated benchmark list. */
  Set<String> benchmarkClasses() {
    Set<String> classes = new TreeSet<>();
    for (BenchmarkListEntry entry : BenchmarkList.defaultList()
        .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(SUITE_PATTERN), List.of())) {
      if (include == null || Pattern.compile(include).matcher(entry.getUsername()).find()) {
        String qualified = entry.getUserClassQName();
        classes.add(qualified.substring(qualified.lastIndexOf('.') + 1));
      }
    }
    return classes;
  }

  private Path resultsRoot() {
    if (out != null) return out;
    return Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "target", "results") : Path.of("target", "results");
  }

  /** Writes to two streams: the console and jmh.txt. */
  private static final class Tee extends java.io.OutputStream {
    private final java.io.OutputStream first;
    private final java.io.OutputStream second;

    Tee(java.io.OutputStream first, java.io.OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }

  private static Set<String> difference(Set<String> all, Set<String> some) {
    Set<String> rest = new TreeSet<>(all);
    rest.removeAll(some);
    return rest;
  }
}
