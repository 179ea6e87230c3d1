package dev.wirelab.labs.lab03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.grade.CheckResult;
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
 * The idle-timeout, concurrency and lingering-close checks give the same verdict 20 runs in a row while
 * both cores are kept busy: the reference always passes, and servers that close too soon, serve one
 * connection at a time or close with unread bytes always fail.
 */
@Timeout(600)
class KeepAliveTimingStabilityTest {
  private static final int RUNS = 20;
  private BusyCores busyCores;

  @BeforeEach
  void keepBothCoresBusy() {
    busyCores = BusyCores.start();
  }

  @AfterEach
  void stopBurning() throws InterruptedException {
    busyCores.close();
  }

  @ParameterizedTest(name = "{1} on {0}: {2} every time")
  @CsvSource({
      "reference, KA-10, PASSED",
      "reference, KA-16, PASSED",
      "mutant.closes-idle-too-soon, KA-10, FAILED",
      "mutant.single-threaded, KA-16, FAILED",
      "reference, KA-23, PASSED",
      "mutant.bare-close, KA-23, FAILED"})
  void verdictIsTheSameEveryRun(String role, String checkId, CheckStatus expected) throws IOException {
    String className = Implementations.load().className("lab03-keep-alive", role).orElseThrow();
    GradeOptions onlyThisCheck = GradeOptions.defaults().withOnlyChecks(Set.of(checkId));
    List<String> verdicts = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      GradeReport report = new Grader(onlyThisCheck).grade(new KeepAliveLab(), new InProcessTarget(className));
      CheckResult result = report.result(checkId);
      verdicts.add(result.status() + (result.diagnostic() == null ? "" : ": " + result.diagnostic().message()));
    }
    assertThat(verdicts).as(role + " on " + checkId).allSatisfy(verdict -> assertThat(verdict).startsWith(expected.name()));
  }
}
