package dev.wirelab.report;

import dev.wirelab.check.Visibility;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.wire.Escaping;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * The report a person reads: one line per check, and under each failure the diagnostic with the bytes
 * around the fault and a caret under it, the connection's timeline, and a command to reproduce it.
 */
public final class TextReportWriter implements ReportWriter {
  private static final String INDENT = "         ";
  private final Style style;
  private final CheckDetails details;

  public TextReportWriter(boolean color) {
    this.style = new Style(color);
    this.details = new CheckDetails(style);
  }

  @Override
  public String format() {
    return "text";
  }

  @Override
  public void write(GradeReport report, Writer writer) throws IOException {
    PrintWriter out = new PrintWriter(writer);
    out.println(style.bold("wirelab · " + report.lab() + " (" + report.labTitle() + ")"));
    out.println("server: " + report.target());
    if (report.startupError() != null) {
      out.println();
      out.println(style.red("The server could not be started or reached: ")
          + Escaping.printable(report.startupError()));
    }
    out.println();
    for (CheckResult result : report.results()) writeResult(out, result);
    writeServerLog(out, report);
    out.println();
    writeTotals(out, report);
    out.flush();
  }

  private void writeResult(PrintWriter out, CheckResult result) {
    String points = Summary.points(result);
    String hidden = result.info().visibility() == Visibility.HIDDEN ? " (hidden)" : "";
    out.printf(Locale.ROOT, "  %s  %-6s %-72s %6s%n", label(result.status()), result.id(),
        result.info().title() + hidden, points);
    details.write(result, out, INDENT);
  }

  private void writeServerLog(PrintWriter out, GradeReport report) {
    if (report.serverLog() == null || report.serverLog().isBlank()) return;
    out.println();
    out.println(style.dim("The server printed (last lines):"));
    String[] lines = report.serverLog().split("\n");
    for (int i = Math.max(0, lines.length - 20); i < lines.length; i++) {
      out.println("  | " + Escaping.printable(lines[i]));
    }
  }

  private void writeTotals(PrintWriter out, GradeReport report) {
    String points = Summary.points(report);
    out.println(style.bold(report.fullMarks() ? style.green(points) : points));
    out.println(Summary.counts(report));
    Summary.hiddenNotRun(report).ifPresent(out::println);
  }

  private String label(CheckStatus status) {
    return switch (status) {
      case PASSED -> style.green("PASS");
      case FAILED -> style.red("FAIL");
      case ERROR -> style.red("ERR ");
      case WARNING -> style.yellow("WARN");
      case NOT_RUN -> style.dim("SKIP");
    };
  }
}
