package dev.wirelab.report;

import dev.wirelab.grade.GradeReport;
import java.util.List;
import java.util.Optional;

/** The report formats the CLI offers. A new format is one more writer here. */
public final class ReportFormats {
  private ReportFormats() {}

  /** True on an interactive terminal that wants colour (NO_COLOR unset, TERM not dumb). */
  public static boolean terminalSupportsColor() {
    return Style.terminalSupportsColor();
  }

  public static List<String> names() {
    return List.of("text", "json", "junit", "markdown", "gradescope");
  }

  /**
   * The line printed to standard output when every report goes to a file, so that a grader that reads
   * only the exit status and the output (GitHub Classroom's command grader) and a person both see it.
   */
  public static String pointsLine(GradeReport report) {
    return Summary.points(report);
  }

  /** {@code color} applies to the text format only, and only where the output is a terminal. */
  public static Optional<ReportWriter> find(String name, boolean color) {
    return switch (name) {
      case "text" -> Optional.of(new TextReportWriter(color));
      case "json" -> Optional.of(new JsonReportWriter());
      case "junit" -> Optional.of(new JunitReportWriter());
      case "markdown" -> Optional.of(new MarkdownReportWriter());
      case "gradescope" -> Optional.of(new GradescopeReportWriter());
      default -> Optional.empty();
    };
  }
}
