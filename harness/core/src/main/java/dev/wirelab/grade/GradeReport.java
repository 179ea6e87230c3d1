package dev.wirelab.grade;

import java.time.Instant;
import java.util.List;

/**
 * A whole grading run: which lab, which server, each check's result, and the totals.
 *
 * @param hiddenChecks how many hidden checks exist but were not run (students see only this count)
 * @param hiddenPoints what those hidden checks are worth: not part of {@link #pointsPossible()}
 * @param serverLog the end of what the server printed, for a command target; else empty
 * @param seed the seed of the randomised inputs: grading again with it gives the same inputs
 */
public record GradeReport(
    String lab,
    String labTitle,
    String target,
    Instant startedAt,
    long durationMillis,
    List<CheckResult> results,
    int hiddenChecks,
    int hiddenPoints,
    String startupError,
    String serverLog,
    long seed) {

  public GradeReport {
    results = List.copyOf(results);
  }

  public int pointsEarned() {
    return results.stream().mapToInt(CheckResult::pointsEarned).sum();
  }

  public int pointsPossible() {
    return results.stream().mapToInt(result -> result.info().points()).sum();
  }

  public boolean fullMarks() {
    return startupError == null && pointsEarned() == pointsPossible()
        && results.stream().noneMatch(result -> result.status().isFailure()
            || result.status() == CheckStatus.NOT_RUN);
  }

  public long count(CheckStatus status) {
    return results.stream().filter(result -> result.status() == status).count();
  }

  public CheckResult result(String id) {
    return results.stream().filter(result -> result.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no check " + id + " in this report"));
  }
}
