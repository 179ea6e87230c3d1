package dev.wirelab.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The suite's smoke check in {@code mvn verify}: every benchmark class runs once, briefly, in process, so
 * none of them rots unnoticed. It checks that they ran and that the charts were drawn, not their figures.
 */
class SuiteQuickSmokeTest {

  @Test
  @Timeout(120)
  void quickRunMeasuresEveryBenchmarkClassAndDrawsCharts(@TempDir Path out) throws Exception {
    Suite suite = new Suite();
    new CommandLine(suite).parseArgs("--quick", "--out", out.toString());
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    Suite.Outcome outcome = suite.run(new PrintStream(console, true, StandardCharsets.UTF_8));

    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(outcome.expectedClasses()).as("benchmark classes in the generated BenchmarkList").contains("B05_KeepAlive");
    assertThat(outcome.json()).exists();
    List<BenchmarkResult> results = JmhResults.read(outcome.json());
    Set<String> measured = results.stream().map(BenchmarkResult::className).collect(Collectors.toSet());
    assertThat(measured).as("classes with a result in jmh.json; console:%n%s", printed)
        .containsAll(outcome.expectedClasses());
    assertThat(outcome.charts()).isNotEmpty().allMatch(Files::exists);
    assertThat(outcome.folder().resolve("goals.txt")).exists();
    assertThat(printed).contains("goals (printed, not asserted)");
  }
}
