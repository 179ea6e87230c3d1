package dev.wirelab.report;

import dev.wirelab.check.Diagnostic;
import dev.wirelab.check.Visibility;
import dev.wirelab.client.Exchange;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.grade.HiddenTally;
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

  public TextReportWriter(boolean color) {
    this.style = new Style(color);
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
    String points = result.info().level() == dev.wirelab.check.Level.SHOULD
        ? "should" : result.pointsEarned() + "/" + result.info().points();
    String hidden = result.info().visibility() == Visibility.HIDDEN ? " (hidden)" : "";
    out.printf(Locale.ROOT, "  %s  %-6s %-72s %6s%n", label(result.status()), result.id(),
        result.info().title() + hidden, points);
    if (result.note() != null) {
      String prefix = result.status() == CheckStatus.NOT_RUN ? "not run: " : "";
      out.println(INDENT + style.dim(prefix + Escaping.printable(result.note())));
    }
    Diagnostic diagnostic = result.diagnostic();
    if (diagnostic == null) return;
    out.println(INDENT + Escaping.printable(diagnostic.message()));
    String where = diagnostic.offset() >= 0 ? " · at byte " + diagnostic.offset() : "";
    String exchange = diagnostic.exchange() == null ? "" : (where.isEmpty() ? " · in " : " of ") + diagnostic.exchange();
    out.println(INDENT + style.dim(diagnostic.section() + where + exchange));
    if (diagnostic.excerpt() != null) out.println(diagnostic.excerpt().withCaret(INDENT + "  "));
    result.exchanges().stream()
        .filter(candidate -> candidate.label().equals(diagnostic.exchange()))
        .reduce((first, second) -> second)
        .ifPresent(failed -> writeExchange(out, failed));
    writeExplainHint(out, result);
  }

  private void writeExchange(PrintWriter out, Exchange exchange) {
    for (String line : Timeline.describe(exchange)) out.println(INDENT + style.dim("connection: ") + line);
    out.println(INDENT + style.dim("closed: ") + Timeline.closer(exchange));
    out.println(INDENT + style.dim("parser: ") + Escaping.printable(exchange.response().progress()));
    if (exchange.requestPieces() > 1) {
      out.println(INDENT + style.dim("request: ") + "sent in " + exchange.requestPieces() + " pieces");
    }
    out.println(INDENT + style.dim("reproduce: ") + exchange.reproduceCommand());
  }

  private void writeExplainHint(PrintWriter out, CheckResult result) {
    out.println(INDENT + style.dim("why: ") + "wirelab explain " + result.id());
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
    String points = "Points " + report.pointsEarned() + "/" + report.pointsPossible();
    out.println(style.bold(report.fullMarks() ? style.green(points) : points));
    long warnings = report.count(CheckStatus.WARNING);
    out.printf(Locale.ROOT, "%d checks: %d passed, %d failed, %d warning%s, %d not run · %.1f s · seed %d%n",
        report.results().size(), report.count(CheckStatus.PASSED),
        report.count(CheckStatus.FAILED) + report.count(CheckStatus.ERROR), warnings, warnings == 1 ? "" : "s",
        report.count(CheckStatus.NOT_RUN), report.durationMillis() / 1000.0, report.seed());
    if (report.hiddenChecks() > 0) {
      HiddenTally hidden = new HiddenTally(report.hiddenChecks(), report.hiddenPoints());
      out.println(hidden.describe() + " not run here; your instructor's grading runs "
          + (hidden.count() == 1 ? "it" : "them") + " too");
    }
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
