package dev.wirelab.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.grade.Implementations.Mutant;
import dev.wirelab.target.InProcessTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same server gets the same score on every run. Grades the reference, every correct variant and
 * every mutant of a lab {@value #DEFAULT_RUNS} times, all checks including hidden ones, and asserts that
 * every run gives the same verdicts as the first: each check's status and points, hence the same score.
 *
 * <p>Labs 01 and 02 run in {@code mvn verify} (about 3 minutes together on 2 cores, ten gradings at a time). Labs 03 and 04 wait
 * on purpose in many checks (idle timeouts, heartbeats, long polls), so 20 full gradings of each of their
 * 30-odd servers take hours; they run when named:
 * {@code mvn verify -Dwirelab.determinism.labs=lab03,lab04} (and {@code -Dwirelab.determinism.runs=N},
 * {@code -Dwirelab.determinism.servers=NAME,...} for some servers only).
 * Their timing checks also have 20-run tests under load of their own (KeepAliveTimingStabilityTest, ...).
 */
@Execution(ExecutionMode.SAME_THREAD)
class GradingDeterminismTest {
  static final int DEFAULT_RUNS = 20;
  private static final int CONCURRENT_GRADINGS = 10;
  private static final Implementations IMPLEMENTATIONS = Implementations.load();
  private static final GradeOptions ALL_CHECKS = GradeOptions.defaults().withIncludeHidden(true);

  static Stream<Arguments> servers() {
    String labs = System.getProperty("wirelab.determinism.labs", "lab01,lab02");
    List<Arguments> servers = new ArrayList<>();
    for (String labName : labs.split(",")) {
      Lab lab = LabCatalog.find(labName.trim()).orElseThrow(() -> new IllegalArgumentException("no lab " + labName));
      servers.add(Arguments.of(lab.name(), "reference",
          IMPLEMENTATIONS.className(lab.name(), "reference").orElseThrow()));
      IMPLEMENTATIONS.variants(lab.name()).forEach((name, className) ->
          servers.add(Arguments.of(lab.name(), "variant " + name, className)));
      for (Mutant mutant : IMPLEMENTATIONS.mutants(lab.name())) {
        servers.add(Arguments.of(lab.name(), "mutant " + mutant.name(), mutant.className()));
      }
    }
    // -Dwirelab.determinism.servers=single-threaded,lab04: only the servers whose lab and name contain one
    // of these, to replay a failure without the hour the slow labs take.
    String only = System.getProperty("wirelab.determinism.servers", "");
    if (only.isBlank()) return servers.stream();
    List<String> wanted = List.of(only.split(","));
    return servers.stream().filter(server -> {
      String name = server.get()[0] + " " + server.get()[1];
      return wanted.stream().anyMatch(part -> name.contains(part.trim()));
    });
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("servers")
  void everyRunGivesTheSameVerdicts(String labName, String server, String className) throws Exception {
    Lab lab = LabCatalog.find(labName).orElseThrow();
    int runCount = Integer.getInteger("wirelab.determinism.runs", DEFAULT_RUNS);

    // Several gradings at once, each with its own server on its own port: most of a grading is waiting,
    // so this saves time, and the runs disturb one another the way a busy shared machine would.
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_GRADINGS);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int run = 0; run < runCount; run++) {
        runs.add(pool.submit(() -> verdicts(new Grader(ALL_CHECKS).grade(lab, new InProcessTarget(className)))));
      }
      List<String> first = runs.get(0).get();
      for (int run = 1; run < runCount; run++) {
        assertThat(runs.get(run).get())
            .as("%s %s: run %d against run 1 (each line: check status points)", labName, server, run + 1)
            .containsExactlyElementsOf(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One line per check, e.g. {@code CL-03 FAILED 0/6}, and the total; notes and timings are left out. */
  private static List<String> verdicts(GradeReport report) {
    List<String> lines = report.results().stream()
        .map(result -> result.id() + " " + result.status() + " " + result.pointsEarned() + "/" + result.info().points())
        .collect(Collectors.toCollection(ArrayList::new));
    lines.add("total " + report.pointsEarned() + "/" + report.pointsPossible()
        + (report.startupError() == null ? "" : " startup error"));
    return lines;
  }

}
