package dev.wirelab.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.check.Check;
import dev.wirelab.check.Visibility;
import dev.wirelab.target.InProcessTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A lab as a student edition sees it (no hidden checks' code, only their declared tally) still grades,
 * and reports the hidden checks it cannot run. StudentEditionIT does the same with the real exported jar.
 */
@Timeout(60)
class GradingWithoutHiddenChecksTest {
  private static final Lab FULL = LabCatalog.find("lab01").orElseThrow();
  private static final String STARTER =
      Implementations.load().className(FULL.name(), "starter").orElseThrow();

  @Test
  void theHiddenChecksAreCountedFromTheDeclaration() throws IOException {
    GradeReport report = grade(new WithoutHiddenCode(FULL), GradeOptions.defaults());

    assertThat(report.results()).extracting(CheckResult::id).containsExactly("CL-01");
    assertThat(report.hiddenChecks()).isEqualTo(1);
    assertThat(report.hiddenPoints()).isEqualTo(4);
  }

  @Test
  void askingForHiddenChecksThatAreNotThereLeavesThemCounted() throws IOException {
    GradeReport report = grade(new WithoutHiddenCode(FULL), GradeOptions.defaults().withIncludeHidden(true));

    assertThat(report.hiddenChecks()).isEqualTo(1);
    assertThat(report.hiddenPoints()).isEqualTo(4);
  }

  @Test
  void theFullHarnessWithHiddenChecksIncludedHasNoneLeft() throws IOException {
    GradeReport report = grade(FULL, GradeOptions.defaults().withIncludeHidden(true));

    assertThat(report.hiddenChecks()).isZero();
    assertThat(report.hiddenPoints()).isZero();
  }

  private static GradeReport grade(Lab lab, GradeOptions options) throws IOException {
    return new Grader(options.withOnlyChecks(Set.of("CL-01"))).grade(lab, new InProcessTarget(STARTER));
  }

  /** The lab with its hidden checks taken out, as if their class had been dropped from the jar. */
  private record WithoutHiddenCode(Lab full) implements Lab {
    @Override
    public String name() {
      return full.name();
    }

    @Override
    public String title() {
      return full.title();
    }

    @Override
    public String summary() {
      return full.summary();
    }

    @Override
    public List<Check> checks() {
      return full.checks().stream().filter(check -> check.info().visibility() == Visibility.VISIBLE).toList();
    }

    @Override
    public HiddenTally hiddenTally() {
      return full.hiddenTally();
    }

    @Override
    public Map<String, String> prepare(Path workDir, Map<String, String> given, long seed) throws IOException {
      return full.prepare(workDir, given, seed);
    }

    @Override
    public Duration budget() {
      return full.budget();
    }
  }
}
