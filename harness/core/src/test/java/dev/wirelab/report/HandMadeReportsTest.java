package dev.wirelab.report;

import static dev.wirelab.report.ReportFormatsTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Diagnostic;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports built by hand, so that each holds exactly the case in question. Text a server controls (its
 * reason phrase, its log) reaches every report: control characters for XML, backtick runs and pipes
 * for Markdown. Then a server that never started, and the statuses real runs rarely produce: a
 * warning and a check that broke.
 */
class HandMadeReportsTest {
  private static final String HOSTILE = "bell\u0007 nul\u0000 esc\u001b[2J lone\uD800 nonchar\uFFFE"
      + " ]]> </failure> & \"quoted\" emoji\uD83D\uDE00";

  @TempDir Path dir;

  @Test
  void junitEscapesCharactersXmlForbidsVisiblyAndSurefireStillParsesIt() throws Exception {
    GradeReport report = report(failure("CL-03", "Content-Length counts bytes", HOSTILE), null, "log " + HOSTILE);
    String xml = render(new JunitReportWriter(), report);

    assertThat(xml.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t')).isEmpty();
    assertThat(xml).contains("bell\\x07 nul\\x00 esc\\x1B[2J lone\\uD800 nonchar\\uFFFE",
        "]]&gt; &lt;/failure&gt; &amp;", "emoji\uD83D\uDE00");
    Path file = dir.resolve("TEST-hostile.xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
    assertThat(suites).hasSize(1);
    var testCase = suites.get(0).getTestCases().get(0);
    assertThat(testCase.getFailureMessage()).contains("esc\\x1B[2J", "]]> </failure> & \"quoted\"");
    assertThat(testCase.getFailureDetail()).contains("nul\\x00");
  }

  @Test
  void xmlTextKeepsLineBreaksInBodiesAndFlattensThemInAttributes() {
    assertThat(XmlText.clean("a\nb\tc\rd")).isEqualTo("a\nb\tc\\x0Dd");
    assertThat(XmlText.attribute("a\nb\tc")).isEqualTo("a b c");
    assertThat(XmlText.clean("\uDE00\uD83D")).isEqualTo("\\uDE00\\uD83D");
  }

  @Test
  void markdownFenceOutgrowsEveryBacktickRunInTheDiagnostic() throws Exception {
    GradeReport report = report(failure("CL-03", "a title", "``` then ```` then `"), null, "");
    String markdown = render(new MarkdownReportWriter(), report);

    assertThat(markdown).contains("\n`````text\n");
    String body = markdown.substring(markdown.indexOf("`````text\n") + "`````text\n".length());
    body = body.substring(0, body.indexOf("\n`````\n"));
    assertThat(body).contains("``` then ```` then `").doesNotContain("`````");
  }

  @Test
  void markdownCellsEscapePipesAndHtml() throws Exception {
    GradeReport report = report(failure("CL-03", "a | b <script>", "x"), null, "");
    String markdown = render(new MarkdownReportWriter(), report);

    assertThat(markdown).contains("| CL-03 | a \\| b &lt;script&gt; | 0/4 | FAIL |");
    assertThat(markdown).contains("<details><summary>CL-03 a | b &lt;script&gt;</summary>");
  }

  @Test
  void markdownServerLineShowsACommandAsTextNotHtml() throws Exception {
    GradeReport passed = report(failure("CL-03", "t", "x"), null, "");
    GradeReport report = new GradeReport(passed.lab(), passed.labTitle(), "command: echo '<b>|x|</b>'",
        passed.startedAt(), 1, passed.results(), 0, 0, null, "", 9112);

    assertThat(render(new MarkdownReportWriter(), report))
        .contains("Server: command: echo '&lt;b&gt;\\|x\\|&lt;/b&gt;'\n").doesNotContain("<b>");
  }

  @Test
  void aServerThatNeverStartedScoresZeroWithTheErrorInEveryFormat() throws Exception {
    CheckInfo info = CheckInfo.builder("CL-01", "answers at all").points(4).section("RFC 9112 §4").build();
    CheckResult notRun = new CheckResult(info, CheckStatus.NOT_RUN, 0, null,
        "the server could not be started or reached", List.of(), 0);
    GradeReport report = report(notRun, "connection refused: 127.0.0.1:1", "Exception in thread main");

    String gradescope = render(new GradescopeReportWriter(), report);
    JsonNode root = new ObjectMapper().readTree(gradescope);
    assertThat(JsonSchemas.violations(JsonSchemas.GRADESCOPE_RESULTS, gradescope)).isEmpty();
    assertThat(root.path("score").asInt()).isZero();
    assertThat(root.path("output").asText())
        .contains("The server could not be started or reached: connection refused: 127.0.0.1:1",
            "Exception in thread main", "Points 0/4");
    assertThat(root.path("tests").get(0).path("status").asText()).isEqualTo("failed");

    String xml = render(new JunitReportWriter(), report);
    assertThat(xml).contains("<skipped message=\"the server could not be started or reached\"/>",
        "<system-err>The server could not be started or reached: connection refused: 127.0.0.1:1");
    assertThat(render(new MarkdownReportWriter(), report))
        .contains("**The server could not be started or reached:**\n\n```text\nconnection refused: 127.0.0.1:1\n```");
    assertThat(JsonSchemas.violations(JsonSchemas.WIRELAB_REPORT, render(new JsonReportWriter(), report))).isEmpty();
  }

  @Test
  void aWarningPassesWithItsDiagnosticAndABrokenCheckIsAnError() throws Exception {
    CheckInfo should = CheckInfo.builder("CL-21", "Responses say what they are").should().section("RFC 9110 §8.3").build();
    Diagnostic missing = new Diagnostic("a Content-Type field", "none", "RFC 9110 §8.3", -1, null, null, null);
    CheckResult warning = new CheckResult(should, CheckStatus.WARNING, 0, missing, null, List.of(), 3);
    CheckInfo pieces = CheckInfo.builder("CL-09", "A request in pieces").points(6).section("RFC 9112 §2.2").build();
    CheckResult broken = new CheckResult(pieces, CheckStatus.ERROR, 0, null, "the check overran its deadline", List.of(), 5000);
    GradeReport report = report(List.of(warning, broken), null, "");

    String xml = render(new JunitReportWriter(), report);
    assertThat(xml).contains("<system-out>WARN (a recommendation, no points)\nexpected a Content-Type field but was none\n",
        "<error message=\"the check overran its deadline\" type=\"check error\">the check overran its deadline\n</error>");
    Path file = dir.resolve("TEST-statuses.xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    ReportTestSuite suite = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString()).get(0);
    assertThat(suite.getNumberOfErrors()).isEqualTo(1);
    assertThat(suite.getNumberOfFailures()).isZero();
    assertThat(suite.getTestCases().get(0).isSuccessful()).isTrue();

    JsonNode tests = new ObjectMapper().readTree(render(new GradescopeReportWriter(), report)).path("tests");
    assertThat(tests.get(0).path("status").asText()).isEqualTo("passed");
    assertThat(tests.get(0).path("output").asText())
        .startsWith("WARN · a recommendation, no points\nexpected a Content-Type field but was none\n");
    assertThat(tests.get(1).path("status").asText()).isEqualTo("failed");

    String markdown = render(new MarkdownReportWriter(), report);
    assertThat(markdown).contains("| CL-21 | Responses say what they are | should | WARN |",
        "| CL-09 | A request in pieces | 0/6 | FAIL |", "<details><summary>CL-21 ", "<details><summary>CL-09 ");
  }

  private static CheckResult failure(String id, String title, String actual) {
    CheckInfo info = CheckInfo.builder(id, title).points(4).section("RFC 9110 §8.6").build();
    Diagnostic diagnostic = new Diagnostic("\"Content-Length: 14\"", actual, "RFC 9110 §8.6", -1, null, null, null);
    return new CheckResult(info, CheckStatus.FAILED, 0, diagnostic, null, List.of(), 12);
  }

  private static GradeReport report(CheckResult result, String startupError, String serverLog) {
    return report(List.of(result), startupError, serverLog);
  }

  private static GradeReport report(List<CheckResult> results, String startupError, String serverLog) {
    return new GradeReport("lab01-content-length", "Content-Length", "hand-made", Instant.parse("2026-01-02T03:04:05.678Z"),
        1234, results, 0, 0, startupError, serverLog, 9112);
  }
}
