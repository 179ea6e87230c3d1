package dev.wirelab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.check.Diagnostic;
import dev.wirelab.check.Level;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every lab's kit must prove about itself: the reference gets full marks (in process and as a
 * separate process), every mutant loses points on the check named for its bug with a diagnostic that
 * points at the guilty byte, and the starter is graded quickly to a low score.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LabKitContract {
  protected static final Implementations IMPLEMENTATIONS = Implementations.load();
  protected static final GradeOptions ALL_CHECKS = GradeOptions.defaults().withIncludeHidden(true);

  protected abstract Lab lab();

  /**
   * What the escaped bytes right at the diagnostic's caret must start with, per mutant: the proof that
   * the diagnostic points at the byte that is wrong, not merely at the right check.
   */
  protected abstract Map<String, String> bytesAtCaret();

  @Test
  void referenceGetsFullMarks() throws IOException {
    GradeReport report = grade("reference");

    assertThat(report.results()).allSatisfy(result ->
        assertThat(result.status()).as(result.id() + ": " + describe(result)).isEqualTo(CheckStatus.PASSED));
    assertThat(report.fullMarks()).isTrue();
    assertThat(report.pointsPossible()).isEqualTo(100);
  }

  Stream<String> variants() {
    return IMPLEMENTATIONS.variants(lab().name()).keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void everyCorrectVariantGetsFullMarks(String variant) throws IOException {
    String className = IMPLEMENTATIONS.variants(lab().name()).get(variant);
    GradeReport report = new Grader(ALL_CHECKS).grade(lab(), new InProcessTarget(className));

    assertThat(report.results()).allSatisfy(result ->
        assertThat(result.status()).as(variant + " " + result.id() + ": " + describe(result))
            .isEqualTo(CheckStatus.PASSED));
  }

  @Test
  void kitHasAMutantForEveryCheckAndAtLeastTen() {
    List<Mutant> mutants = IMPLEMENTATIONS.mutants(lab().name());
    assertThat(mutants).hasSizeGreaterThanOrEqualTo(10);
    assertThat(mutants).extracting(Mutant::caughtBy)
        .containsAll(lab().checks().stream().map(check -> check.info().id()).toList());
    assertThat(mutants).extracting(Mutant::name).containsExactlyInAnyOrderElementsOf(bytesAtCaret().keySet());
  }

  Stream<Mutant> mutants() {
    return IMPLEMENTATIONS.mutants(lab().name()).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void everyMutantIsCaughtByItsCheckAtTheGuiltyByte(Mutant mutant) throws IOException {
    // Only the named check: what matters is that it fails, and some labs' checks wait seconds on purpose.
    GradeOptions named = ALL_CHECKS.withOnlyChecks(java.util.Set.of(mutant.caughtBy()));
    GradeReport report = new Grader(named).grade(lab(), new InProcessTarget(mutant.className()));

    CheckResult catching = report.result(mutant.caughtBy());
    boolean should = catching.info().level() == Level.SHOULD;
    assertThat(catching.status()).as(mutant.name() + " on " + catching.id() + ": " + describe(catching))
        .isEqualTo(should ? CheckStatus.WARNING : CheckStatus.FAILED);
    if (!should) assertThat(report.pointsEarned()).isLessThan(report.pointsPossible());

    Diagnostic diagnostic = catching.diagnostic();
    // RFC 9110/9112 for HTTP itself; RFC 6202 and the HTML Standard for comet and Server-Sent Events.
    assertThat(diagnostic.section()).matches("(RFC 9110|RFC 9112|RFC 6202|HTML Standard) .*");
    assertThat(diagnostic.excerpt()).as("an excerpt for " + diagnostic.message()).isNotNull();
    String atCaret = diagnostic.excerpt().text().substring(diagnostic.excerpt().caretColumn());
    assertThat(atCaret).as(mutant.name() + ": bytes at the caret of \"" + diagnostic.message() + "\"")
        .startsWith(bytesAtCaret().get(mutant.name()));
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
        + IMPLEMENTATIONS.className(lab().name(), "reference").orElseThrow();

    GradeReport asCommand = new Grader(ALL_CHECKS).grade(lab(), new CommandTarget(command));
    GradeReport inProcess = grade("reference");

    assertThat(asCommand.startupError()).isNull();
    assertThat(statuses(asCommand)).isEqualTo(statuses(inProcess));
    assertThat(asCommand.pointsEarned()).isEqualTo(inProcess.pointsEarned()).isEqualTo(100);
  }

  @Test
  void sameServerGetsTheSameVerdictsTwice() throws IOException {
    assertThat(statuses(grade("starter"))).isEqualTo(statuses(grade("starter")));
  }

  protected GradeReport grade(String role) throws IOException {
    String className = IMPLEMENTATIONS.className(lab().name(), role).orElseThrow();
    return new Grader(ALL_CHECKS).grade(lab(), new InProcessTarget(className));
  }

  protected static List<String> statuses(GradeReport report) {
    return report.results().stream().map(result -> result.id() + "=" + result.status()).toList();
  }

  protected static String describe(CheckResult result) {
    if (result.diagnostic() != null) return result.diagnostic().message();
    return result.note() == null ? "" : result.note();
  }
}
