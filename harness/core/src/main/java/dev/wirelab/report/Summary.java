package dev.wirelab.report;

import dev.wirelab.check.Level;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.grade.HiddenTally;
import java.util.Locale;
import java.util.Optional;

/** The totals every format states in the same words: points, counts, the seed, hidden checks not run. */
final class Summary {
  private Summary() {}

  /** {@code Points 40/96}: the line graders and humans look for. */
  static String points(GradeReport report) {
    return "Points " + report.pointsEarned() + "/" + report.pointsPossible();
  }

  /** A check's worth as the reports print it: {@code 4/4}, {@code 0/4}, or {@code should} for a warning-only check. */
  static String points(CheckResult result) {
    return result.info().level() == Level.SHOULD ? "should" : result.pointsEarned() + "/" + result.info().points();
  }

  /** The one word a result is shown as where colour and width are not available. */
  static String word(CheckStatus status) {
    return switch (status) {
      case PASSED -> "PASS";
      case FAILED, ERROR -> "FAIL";
      case WARNING -> "WARN";
      case NOT_RUN -> "SKIP";
    };
  }

  static String counts(GradeReport report) {
    long warnings = report.count(CheckStatus.WARNING);
    return String.format(Locale.ROOT, "%d checks: %d passed, %d failed, %d warning%s, %d not run · %.1f s · seed %d",
        report.results().size(), report.count(CheckStatus.PASSED),
        report.count(CheckStatus.FAILED) + report.count(CheckStatus.ERROR), warnings, warnings == 1 ? "" : "s",
        report.count(CheckStatus.NOT_RUN), report.durationMillis() / 1000.0, report.seed());
  }

  /** Students see how many hidden checks exist, never which. */
  static Optional<String> hiddenNotRun(GradeReport report) {
    if (report.hiddenChecks() == 0) return Optional.empty();
    HiddenTally hidden = new HiddenTally(report.hiddenChecks(), report.hiddenPoints());
    return Optional.of(hidden.describe() + " not run here; your instructor's grading runs "
        + (hidden.count() == 1 ? "it" : "them") + " too");
  }
}
