package dev.wirelab.report;

import dev.wirelab.check.Level;
import dev.wirelab.check.Visibility;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.grade.HiddenTally;
import dev.wirelab.wire.Escaping;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradescope's {@code results.json}, the file a Gradescope autograder writes to
 * {@code /autograder/results/results.json}. Fields as documented in "Autograder Specifications",
 * section "Output format": https://gradescope-autograders.readthedocs.io/en/latest/specs/ (the schema
 * in {@code gradescope-results.schema.json} beside this class restates them).
 *
 * <p>Students read {@code output} and the tests' outputs; the autograder's stdout is for the
 * instructor only ({@code stdout_visibility: hidden}), so an instructor bundle can print the full
 * text report there. A hidden check is shown once grades are published, with its result and points
 * but never its diagnostic: the diagnostic would tell students what the hidden check sends.
 */
public final class GradescopeReportWriter implements ReportWriter {
  static final String HIDDEN_CHECK_OUTPUT = "A hidden check: its details are for your instructor.";

  @Override
  public String format() {
    return "gradescope";
  }

  @Override
  public void write(GradeReport report, Writer out) throws IOException {
    IndentedJson.write(toTree(report), out);
  }

  Map<String, Object> toTree(GradeReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    // A server that never started earns nothing, whatever checks would have been worth.
    root.put("score", report.startupError() == null ? report.pointsEarned() : 0);
    root.put("execution_time", (report.durationMillis() + 999) / 1000); // whole seconds, as in the docs' example
    root.put("output", summary(report));
    // "text" keeps the carets under the guilty bytes: the default formats would collapse the spaces.
    root.put("output_format", "text");
    root.put("test_output_format", "text");
    root.put("visibility", "visible");
    root.put("stdout_visibility", "hidden");
    List<Object> tests = new ArrayList<>();
    for (CheckResult result : report.results()) tests.add(test(result));
    root.put("tests", tests);
    return root;
  }

  private static String summary(GradeReport report) {
    StringBuilder text = new StringBuilder();
    text.append("wirelab · ").append(report.lab()).append(" (").append(report.labTitle()).append(")\n");
    if (report.startupError() != null) {
      text.append("The server could not be started or reached: ")
          .append(Escaping.printable(report.startupError())).append('\n');
      if (report.serverLog() != null && !report.serverLog().isBlank()) {
        text.append("The server printed:\n").append(Escaping.printable(report.serverLog().strip())).append('\n');
      }
    }
    // Students read this line at once, hidden tests only once grades are published: its points and
    // counts are the visible checks' alone, or a hidden failure would show through the totals.
    List<CheckResult> hiddenResults = report.results().stream()
        .filter(result -> result.info().visibility() == Visibility.HIDDEN).toList();
    GradeReport visible = hiddenResults.isEmpty() ? report : withoutHiddenResults(report, hiddenResults);
    text.append(Summary.points(visible)).append(hiddenResults.isEmpty() ? "" : " on the visible checks").append('\n');
    text.append(Summary.counts(visible)).append('\n');
    Summary.hiddenNotRun(report).ifPresent(line -> text.append(line).append('\n'));
    if (!hiddenResults.isEmpty()) {
      HiddenTally graded = new HiddenTally(hiddenResults.size(),
          hiddenResults.stream().mapToInt(result -> result.info().points()).sum());
      text.append(graded.describe()).append(" graded too: results shown once grades are published\n");
    }
    return text.toString();
  }

  private static GradeReport withoutHiddenResults(GradeReport report, List<CheckResult> hiddenResults) {
    List<CheckResult> visibleResults = report.results().stream().filter(result -> !hiddenResults.contains(result)).toList();
    return new GradeReport(report.lab(), report.labTitle(), report.target(), report.startedAt(),
        report.durationMillis(), visibleResults, 0, 0, report.startupError(), report.serverLog(), report.seed());
  }

  private static Map<String, Object> test(CheckResult result) {
    boolean hidden = result.info().visibility() == Visibility.HIDDEN;
    Map<String, Object> test = new LinkedHashMap<>();
    test.put("name", result.info().title());
    test.put("number", result.id());
    test.put("score", result.pointsEarned());
    test.put("max_score", result.info().points());
    // A warning costs nothing, so it counts as passed; its diagnostic still shows.
    boolean passed = result.status() == CheckStatus.PASSED || result.status() == CheckStatus.WARNING;
    test.put("status", passed ? "passed" : "failed");
    String worth = result.info().level() == Level.SHOULD ? "a recommendation, no points" : Summary.points(result) + " points";
    String headline = Summary.word(result.status()) + " · " + worth;
    String details = hidden ? HIDDEN_CHECK_OUTPUT + "\n" : CheckDetails.plainText(result);
    test.put("output", details.isEmpty() ? headline + "\n" : headline + "\n" + details);
    test.put("visibility", hidden ? "after_published" : "visible");
    return test;
  }
}
