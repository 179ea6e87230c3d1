package dev.wirelab.labs.lab02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeOptions;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.grade.Grader;
import dev.wirelab.grade.Implementations;
import dev.wirelab.target.InProcessTarget;
import dev.wirelab.testing.BusyCores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The timing check gives the same verdict 20 times in a row while both cores are kept busy: a flushed
 * stream always passes, a buffered or rushed one always fails.
 */
@Timeout(300)
class StreamTimingStabilityTest {
  private static final int RUNS = 20;
  private static final GradeOptions TIMING_ONLY =
      GradeOptions.defaults().withOnlyChecks(Set.of("CH-09", "CH-10"));
  private BusyCores busyCores;

  @BeforeEach
  void keepBothCoresBusy() {
    busyCores = BusyCores.start();
  }

  @AfterEach
  void stopBurning() throws InterruptedException {
    busyCores.close();
  }

  @ParameterizedTest(name = "{0}: {1} every time")
  @CsvSource({"reference, PASSED", "mutant.buffered-until-end, FAILED", "mutant.sends-all-at-once, FAILED"})
  void timingVerdictIsTheSameEveryRun(String role, CheckStatus expected) throws IOException {
    String className = Implementations.load().className("lab02-chunked", role).orElseThrow();
    List<String> verdicts = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      GradeReport report = new Grader(TIMING_ONLY)
          .grade(new ChunkedLab(), new InProcessTarget(className));
      var result = report.result("CH-10");
      verdicts.add(result.status() + (result.diagnostic() == null ? "" : ": " + result.diagnostic().actual()));
    }
    assertThat(verdicts).as(role).allSatisfy(verdict -> assertThat(verdict).startsWith(expected.name()));
  }
}
