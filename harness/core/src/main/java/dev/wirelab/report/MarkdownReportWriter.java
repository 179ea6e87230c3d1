package dev.wirelab.report;

import dev.wirelab.check.Visibility;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.wire.Escaping;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub-flavoured Markdown for {@code $GITHUB_STEP_SUMMARY} and pull-request comments: a heading
 * with the points, a table of every check, then each failure and warning folded in a
 * {@code <details>} block with the text report's diagnostic in a code block. Students read these
 * places, so a hidden check shows its result but not its diagnostic, as on Gradescope.
 */
public final class MarkdownReportWriter implements ReportWriter {
  private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public void write(GradeReport report, Writer writer) throws IOException {
    PrintWriter out = new PrintWriter(writer);
    out.println("## wirelab · " + inline(report.lab()) + " (" + inline(report.labTitle()) + "): "
        + Summary.points(report));
    out.println();
    out.println("Server: " + cell(report.target())); // a --command line is the user's text: no tags
    out.println();
    if (report.startupError() != null) {
      out.println("**The server could not be started or reached:**");
      out.println();
      fenced(out, report.startupError());
    }
    writeTable(out, report);
    writeDetails(out, report);
    writeServerLog(out, report);
    out.println(Summary.counts(report));
    Summary.hiddenNotRun(report).ifPresent(line -> {
      out.println();
      out.println(line);
    });
    out.flush();
  }

  private static void writeTable(PrintWriter out, GradeReport report) {
    out.println("| ID | check | points | result |");
    out.println("|---|---|---:|---|");
    for (CheckResult result : report.results()) {
      String hidden = result.info().visibility() == Visibility.HIDDEN ? " (hidden)" : "";
      out.println("| " + cell(result.id()) + " | " + cell(result.info().title() + hidden) + " | "
          + cell(Summary.points(result)) + " | " + Summary.word(result.status()) + " |");
    }
    out.println();
  }

  private static void writeDetails(PrintWriter out, GradeReport report) {
    for (CheckResult result : report.results()) {
      boolean failed = result.status().isFailure() || result.status() == CheckStatus.WARNING;
      if (!failed) continue;
      out.println("<details><summary>" + html(inline(result.id() + " " + result.info().title())) + "</summary>");
      out.println();
      if (result.info().visibility() == Visibility.HIDDEN) {
        out.println(Summary.word(result.status()) + ". " + GradescopeReportWriter.HIDDEN_CHECK_OUTPUT);
        out.println();
      } else {
        fenced(out, CheckDetails.plainText(result));
      }
      out.println("</details>");
      out.println();
    }
  }

  private static void writeServerLog(PrintWriter out, GradeReport report) {
    if (report.serverLog() == null || report.serverLog().isBlank()) return;
    out.println("<details><summary>The server printed</summary>");
    out.println();
    fenced(out, report.serverLog());
    out.println("</details>");
    out.println();
  }

  /**
   * A ```text block that nothing inside can close: its fence is one backtick longer than the longest
   * run of backticks in the text (CommonMark 0.31, "Fenced code blocks").
   */
  static void fenced(PrintWriter out, String text) {
    String body = Escaping.printable(text);
    int longestRun = 0;
    Matcher run = BACKTICK_RUN.matcher(body);
    while (run.find()) longestRun = Math.max(longestRun, run.group().length());
    String fence = "`".repeat(Math.max(3, longestRun + 1));
    out.println(fence + "text");
    out.print(body);
    if (!body.endsWith("\n")) out.println();
    out.println(fence);
    out.println();
  }

  /** A table cell: one line, and a {@code |} that does not end the cell. */
  static String cell(String text) {
    return html(inline(text)).replace("|", "\\|");
  }

  /** Text on one line, without characters a terminal or a Markdown renderer would act on. */
  private static String inline(String text) {
    return Escaping.printable(text == null ? "" : text).replace("\t", " ").replace("\n", " ");
  }

  /** GitHub renders HTML in Markdown: text from a server must not become a tag. */
  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
