package dev.wirelab.labs.lab01;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.check.Diagnostic;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeOptions;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.grade.Grader;
import dev.wirelab.grade.Implementations;
import dev.wirelab.grade.Implementations.Mutant;
import dev.wirelab.grade.Lab;
import dev.wirelab.target.CommandTarget;
import dev.wirelab.target.InProcessTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit proves itself: the reference gets full marks, every mutant loses points on the check named
 * for its bug with a diagnostic that points at the guilty byte, and the starter is graded quickly.
 */
@Timeout(600)
class Lab01KitTest {
  private static final String LAB = "lab01-content-length";
  private static final Implementations IMPLEMENTATIONS = Implementations.load();
  private static final GradeOptions ALL_CHECKS = GradeOptions.defaults().withIncludeHidden(true);

  /**
   * What the escaped bytes right at the diagnostic's caret must start with, per mutant: the proof that
   * the diagnostic points at the byte that is wrong, not merely at the right check.
   */
  private static final Map<String, String> BYTES_AT_CARET = Map.ofEntries(
      Map.entry("http10-status-line", "HTTP/1.0"),
      Map.entry("bare-lf", "\\n"),
      Map.entry("missing-blank-line", "Hello, "),
      Map.entry("length-in-chars", "Content-Length: 10"),
      Map.entry("length-off-by-one", "Content-Length: 15"),
      Map.entry("missing-final-newline", "⟂"),
      Map.entry("content-type-without-charset", "Content-Type: text/plain\\r\\n"),
      Map.entry("date-not-imf-fixdate", "Date: "),
      Map.entry("no-connection-close-header", "\\r\\n"),
      Map.entry("keeps-connection-open", "⟂"),
      Map.entry("extra-bytes-after-body", "\\r\\n"),
      Map.entry("single-read-request", "400"),
      Map.entry("text-mode-line-endings", "\\r\\n"),
      Map.entry("file-as-text", "\\xEF\\xBF\\xBD"),
      Map.entry("empty-body-without-content-length", "\\r\\n"),
      Map.entry("single-read-file", "⟂"),
      Map.entry("soft-404", "200"),
      Map.entry("path-traversal", "wirelab secret"),
      Map.entry("encoded-traversal", "wirelab secret"),
      Map.entry("body-on-head", "Hello, "),
      Map.entry("content-length-on-204", "Content-Length: 0"),
      Map.entry("405-without-allow", "\\r\\n"),
      Map.entry("accepts-any-request-line", "405"),
      Map.entry("no-content-type-on-files", "\\r\\n"));

  private final Lab lab = new ContentLengthLab();

  @Test
  void referenceGetsFullMarks() throws IOException {
    GradeReport report = grade("reference");

    assertThat(report.results()).allSatisfy(result ->
        assertThat(result.status()).as(result.id() + ": " + describe(result)).isEqualTo(CheckStatus.PASSED));
    assertThat(report.fullMarks()).isTrue();
    assertThat(report.pointsPossible()).isEqualTo(100);
  }

  @Test
  void kitHasAMutantForEveryCheckAndAtLeastTen() {
    List<Mutant> mutants = IMPLEMENTATIONS.mutants(LAB);
    assertThat(mutants).hasSizeGreaterThanOrEqualTo(10);
    assertThat(mutants).extracting(Mutant::caughtBy)
        .containsAll(lab.checks().stream().map(check -> check.info().id()).toList());
    assertThat(mutants).extracting(Mutant::name).containsExactlyInAnyOrderElementsOf(BYTES_AT_CARET.keySet());
  }

  static Stream<Mutant> mutants() {
    return IMPLEMENTATIONS.mutants(LAB).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void everyMutantIsCaughtByItsCheckAtTheGuiltyByte(Mutant mutant) throws IOException {
    GradeReport report = new Grader(ALL_CHECKS).grade(lab, new InProcessTarget(mutant.className()));

    CheckResult catching = report.result(mutant.caughtBy());
    boolean should = catching.info().level() == dev.wirelab.check.Level.SHOULD;
    assertThat(catching.status()).as(mutant.name() + " on " + catching.id() + ": " + describe(catching))
        .isEqualTo(should ? CheckStatus.WARNING : CheckStatus.FAILED);
    if (!should) assertThat(report.pointsEarned()).isLessThan(report.pointsPossible());

    Diagnostic diagnostic = catching.diagnostic();
    assertThat(diagnostic.section()).startsWith("RFC 91");
    assertThat(diagnostic.excerpt()).as("an excerpt for " + diagnostic.message()).isNotNull();
    String atCaret = diagnostic.excerpt().text().substring(diagnostic.excerpt().caretColumn());
    assertThat(atCaret).as(mutant.name() + ": bytes at the caret of \"" + diagnostic.message() + "\"")
        .startsWith(BYTES_AT_CARET.get(mutant.name()));
  }

  @Test
  void starterIsGradedQuicklyWithALowScoreAndNoErrors() throws IOException {
    GradeReport report = grade("starter");

    assertThat(report.startupError()).isNull();
    assertThat(report.durationMillis()).isLessThan(30_000);
    assertThat(report.pointsEarned()).isGreaterThan(0).isLessThan(report.pointsPossible() / 2);
    assertThat(report.results()).noneMatch(result -> result.status() == CheckStatus.ERROR);
    assertThat(report.results()).filteredOn(result -> result.status() == CheckStatus.FAILED)
        .allSatisfy(result -> assertThat(result.diagnostic().message()).startsWith("expected "));
  }

  @Test
  void referenceRunAsACommandScoresTheSameAsInProcess() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + IMPLEMENTATIONS.className(LAB, "reference").orElseThrow();

    GradeReport asCommand = new Grader(ALL_CHECKS).grade(lab, new CommandTarget(command));
    GradeReport inProcess = grade("reference");

    assertThat(asCommand.startupError()).isNull();
    assertThat(statuses(asCommand)).isEqualTo(statuses(inProcess));
    assertThat(asCommand.pointsEarned()).isEqualTo(inProcess.pointsEarned()).isEqualTo(100);
  }

  @Test
  void sameServerGetsTheSameVerdictsTwice() throws IOException {
    assertThat(statuses(grade("starter"))).isEqualTo(statuses(grade("starter")));
  }

  private GradeReport grade(String role) throws IOException {
    String className = IMPLEMENTATIONS.className(LAB, role).orElseThrow();
    return new Grader(ALL_CHECKS).grade(lab, new InProcessTarget(className));
  }

  private static List<String> statuses(GradeReport report) {
    return report.results().stream().map(result -> result.id() + "=" + result.status()).toList();
  }

  private static String describe(CheckResult result) {
    if (result.diagnostic() != null) return result.diagnostic().message();
    return result.note() == null ? "" : result.note();
  }

}
