package dev.wirelab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.check.Visibility;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.report.GradedRuns.Run;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every report format rendered from real grading runs of Lab 01 and Lab 02 (reference, starter, and a
 * mutant only a hidden check catches) and read back the way its consumer reads it: JSON against its
 * schema, JUnit XML with a DOM parser, Markdown line by line. Surefire's own parser reads the JUnit
 * XML in {@link JunitSurefireParserTest}.
 */
@Timeout(300)
class ReportFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEXT_INDENT = "         ";

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void jsonReportConformsToItsSchemaInEveryKindOfRun(String lab) throws IOException {
    for (Run run : Run.values()) {
      String json = render(new JsonReportWriter(), GradedRuns.of(lab, run));

      assertThat(JsonSchemas.violations(JsonSchemas.WIRELAB_REPORT, json)).as(lab + " " + run).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void jsonSchemaRejectsAnUnknownStatusAndAnUndocumentedField(String lab) throws IOException {
    String json = render(new JsonReportWriter(), GradedRuns.of(lab, Run.STARTER_STUDENT));

    String badStatus = json.replaceFirst("\"status\" : \"failed\"", "\"status\" : \"broken\"");
    String extraField = json.replaceFirst("\\{", "{ \"score\" : 3,");
    assertThat(badStatus).isNotEqualTo(json);
    assertThat(JsonSchemas.violations(JsonSchemas.WIRELAB_REPORT, badStatus)).isNotEmpty();
    assertThat(JsonSchemas.violations(JsonSchemas.WIRELAB_REPORT, extraField)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void gradescopeResultsConformAndCarryEachChecksScore(String lab) throws IOException {
    GradeReport report = GradedRuns.of(lab, Run.STARTER_STUDENT);
    String json = render(new GradescopeReportWriter(), report);
    JsonNode root = JSON.readTree(json);

    assertThat(JsonSchemas.violations(JsonSchemas.GRADESCOPE_RESULTS, json)).isEmpty();
    assertThat(root.path("score").asInt()).isEqualTo(report.pointsEarned()).isLessThan(report.pointsPossible());
    assertThat(root.path("stdout_visibility").asText()).isEqualTo("hidden");
    assertThat(root.path("output").asText()).contains(Summary.points(report), "seed " + report.seed())
        .contains(report.hiddenChecks() + " hidden check");
    assertThat(root.path("tests")).hasSize(report.results().size());
    int maxScore = 0;
    for (int i = 0; i < report.results().size(); i++) {
      CheckResult result = report.results().get(i);
      JsonNode test = root.path("tests").get(i);
      assertThat(test.path("number").asText()).isEqualTo(result.id());
      assertThat(test.path("score").asInt()).isEqualTo(result.pointsEarned());
      assertThat(test.path("status").asText()).isEqualTo(result.status().isFailure()
          || result.status() == CheckStatus.NOT_RUN ? "failed" : "passed");
      assertThat(test.path("visibility").asText()).isEqualTo("visible");
      maxScore += test.path("max_score").asInt();
    }
    assertThat(maxScore).isEqualTo(report.pointsPossible());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void gradescopeShowsAVisibleFailureWithTheTextReportsWords(String lab) throws IOException {
    GradeReport report = GradedRuns.of(lab, Run.STARTER_STUDENT);
    CheckResult failed = firstFailedWithDiagnostic(report, Visibility.VISIBLE);
    JsonNode test = testNumbered(JSON.readTree(render(new GradescopeReportWriter(), report)), failed.id());
    String plain = CheckDetails.plainText(failed);

    assertThat(plain).contains(failed.diagnostic().message(), "why: wirelab explain " + failed.id());
    assertThat(test.path("output").asText()).startsWith("FAIL · 0/" + failed.info().points() + " points\n")
        .endsWith(plain);
    // The same lines, indented, are what the text report prints under the check.
    String indented = plain.lines().map(line -> TEXT_INDENT + line).collect(Collectors.joining("\n"));
    assertThat(render(new TextReportWriter(false), report)).contains(indented);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void gradescopeShowsAHiddenFailureOnlyAfterPublishingAndWithoutItsDiagnostic(String lab) throws IOException {
    GradeReport report = GradedRuns.of(lab, Run.HIDDEN_MUTANT_INSTRUCTOR);
    CheckResult hidden = firstFailedWithDiagnostic(report, Visibility.HIDDEN);
    String json = render(new GradescopeReportWriter(), report);
    JsonNode test = testNumbered(JSON.readTree(json), hidden.id());

    assertThat(JsonSchemas.violations(JsonSchemas.GRADESCOPE_RESULTS, json)).isEmpty();
    assertThat(test.path("visibility").asText()).isEqualTo("after_published");
    assertThat(test.path("status").asText()).isEqualTo("failed");
    assertThat(test.path("score").asInt()).isZero();
    assertThat(test.path("output").asText())
        .isEqualTo("FAIL · 0/" + hidden.info().points() + " points\n" + GradescopeReportWriter.HIDDEN_CHECK_OUTPUT + "\n");
    assertThat(json).doesNotContain(jsonEscaped(hidden.diagnostic().message()));
    // Students see the top-level output at once: its totals must not give the hidden failure away.
    int visiblePoints = report.results().stream().filter(result -> result.info().visibility() == Visibility.VISIBLE)
        .mapToInt(result -> result.info().points()).sum();
    assertThat(JSON.readTree(json).path("output").asText())
        .contains("Points " + visiblePoints + "/" + visiblePoints + " on the visible checks", " 0 failed, ",
            "graded too: results shown once grades are published");
    // The instructor's own formats keep it.
    assertThat(render(new JsonReportWriter(), report)).contains(jsonEscaped(hidden.diagnostic().message()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void gradescopeGivesTheReferenceFullMarks(String lab) throws IOException {
    GradeReport report = GradedRuns.of(lab, Run.REFERENCE_INSTRUCTOR);
    JsonNode root = JSON.readTree(render(new GradescopeReportWriter(), report));

    assertThat(root.path("score").asInt()).isEqualTo(report.pointsPossible()).isEqualTo(100);
    assertThat(root.path("tests")).allSatisfy(test -> assertThat(test.path("status").asText()).isEqualTo("passed"));
    assertThat(root.path("output").asText()).doesNotContain("not run here").contains("graded too");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void junitHasOneTestcasePerCheckWithFailureErrorAndSkippedElements(String lab) throws Exception {
    GradeReport report = GradedRuns.of(lab, Run.STARTER_INSTRUCTOR);
    Element suite = parseXml(render(new JunitReportWriter(), report)).getDocumentElement();

    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo(report.lab());
    assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(report.results().size()));
    assertThat(suite.getAttribute("failures")).isEqualTo(Long.toString(report.count(CheckStatus.FAILED)));
    assertThat(suite.getAttribute("errors")).isEqualTo(Long.toString(report.count(CheckStatus.ERROR)));
    assertThat(suite.getAttribute("skipped")).isEqualTo(Long.toString(report.count(CheckStatus.NOT_RUN)));
    assertThat(suite.getAttribute("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    assertThat(properties(suite)).containsExactly("lab=" + report.lab(), "labTitle=" + report.labTitle(),
        "target=" + report.target(), "seed=" + report.seed(),
        "points=" + report.pointsEarned() + "/" + report.pointsPossible(), "hiddenChecksNotRun=0");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(report.results().size());
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      CheckResult result = report.results().get(i);
      assertThat(testcase.getAttribute("classname")).isEqualTo(report.lab());
      assertThat(testcase.getAttribute("name")).isEqualTo(result.id() + " " + result.info().title());
      String expectedChild = switch (result.status()) {
        case PASSED -> null;
        case FAILED -> "failure";
        case ERROR -> "error";
        case NOT_RUN -> "skipped";
        case WARNING -> "system-out";
      };
      List<String> children = childTags(testcase);
      assertThat(children).as(result.id()).isEqualTo(expectedChild == null ? List.of() : List.of(expectedChild));
      if (result.status() == CheckStatus.FAILED && result.diagnostic() != null) {
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo(result.diagnostic().message());
        assertThat(failure.getTextContent()).isEqualTo(CheckDetails.plainText(result));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void markdownHasPointsHeadingTableFoldedFailuresHiddenCountAndSeed(String lab) throws IOException {
    GradeReport report = GradedRuns.of(lab, Run.STARTER_STUDENT);
    String markdown = render(new MarkdownReportWriter(), report);
    List<String> lines = markdown.lines().toList();

    assertThat(lines.get(0)).startsWith("## wirelab · " + report.lab()).endsWith(Summary.points(report));
    int header = lines.indexOf("| ID | check | points | result |");
    assertThat(header).isPositive();
    assertThat(lines.get(header + 1)).isEqualTo("|---|---|---:|---|");
    for (int i = 0; i < report.results().size(); i++) {
      CheckResult result = report.results().get(i);
      assertThat(lines.get(header + 2 + i)).startsWith("| " + result.id() + " | ")
          .endsWith(" | " + Summary.points(result) + " | " + Summary.word(result.status()) + " |");
    }
    assertThat(lines.get(header + 2 + report.results().size())).isEmpty();
    CheckResult failed = firstFailedWithDiagnostic(report, Visibility.VISIBLE);
    String folded = "<details><summary>" + failed.id() + " " + failed.info().title() + "</summary>\n\n```text\n"
        + CheckDetails.plainText(failed) + "```\n\n</details>";
    assertThat(markdown).contains(folded);
    long folds = report.results().stream()
        .filter(result -> result.status().isFailure() || result.status() == CheckStatus.WARNING).count();
    assertThat(markdown.split("<details><summary>", -1)).hasSize((int) folds + 1 + (hasServerLog(report) ? 1 : 0));
    assertThat(markdown).contains(Summary.hiddenNotRun(report).orElseThrow(), "seed " + report.seed());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void markdownFoldsAHiddenFailureWithoutItsDiagnostic(String lab) throws IOException {
    GradeReport report = GradedRuns.of(lab, Run.HIDDEN_MUTANT_INSTRUCTOR);
    CheckResult hidden = firstFailedWithDiagnostic(report, Visibility.HIDDEN);
    String markdown = render(new MarkdownReportWriter(), report);

    assertThat(markdown).contains("| " + hidden.id() + " | " + MarkdownReportWriter.cell(hidden.info().title())
        + " (hidden) | 0/" + hidden.info().points() + " | FAIL |");
    assertThat(markdown).contains("<details><summary>" + hidden.id() + " " + hidden.info().title()
        + "</summary>\n\nFAIL. " + GradescopeReportWriter.HIDDEN_CHECK_OUTPUT + "\n\n</details>");
    assertThat(markdown).doesNotContain(hidden.diagnostic().message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void theReferenceReadsAsFullMarksInJunitAndMarkdown(String lab) throws Exception {
    GradeReport report = GradedRuns.of(lab, Run.REFERENCE_INSTRUCTOR);
    Element suite = parseXml(render(new JunitReportWriter(), report)).getDocumentElement();
    String markdown = render(new MarkdownReportWriter(), report);

    assertThat(suite.getAttribute("failures") + suite.getAttribute("errors") + suite.getAttribute("skipped"))
        .isEqualTo("000");
    assertThat(markdown.lines().findFirst().orElseThrow()).endsWith("Points 100/100");
    assertThat(markdown.split("<details><summary>", -1)).hasSize(1 + (hasServerLog(report) ? 1 : 0));
    assertThat(markdown).doesNotContain("| FAIL |", "| SKIP |");
  }

  static CheckResult firstFailedWithDiagnostic(GradeReport report, Visibility visibility) {
    return report.results().stream()
        .filter(result -> result.status() == CheckStatus.FAILED && result.diagnostic() != null)
        .filter(result -> result.info().visibility() == visibility)
        .findFirst()
        .orElseThrow(() -> new AssertionError("expected a failed " + visibility + " check in " + report.lab()));
  }

  private static JsonNode testNumbered(JsonNode root, String id) {
    for (JsonNode test : root.path("tests")) if (test.path("number").asText().equals(id)) return test;
    throw new AssertionError("expected a test numbered " + id + " but there was none");
  }

  private static String jsonEscaped(String text) throws IOException {
    String quoted = JSON.writeValueAsString(text);
    return quoted.substring(1, quoted.length() - 1);
  }

  private static boolean hasServerLog(GradeReport report) {
    return report.serverLog() != null && !report.serverLog().isBlank();
  }

  static Document parseXml(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<String> properties(Element suite) {
    List<String> properties = new ArrayList<>();
    NodeList nodes = suite.getElementsByTagName("property");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element property = (Element) nodes.item(i);
      properties.add(property.getAttribute("name") + "=" + property.getAttribute("value"));
    }
    return properties;
  }

  private static List<String> childTags(Element element) {
    List<String> tags = new ArrayList<>();
    for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) tags.add(child.getTagName());
    }
    return tags;
  }

  static String render(ReportWriter writer, GradeReport report) throws IOException {
    StringWriter out = new StringWriter();
    writer.write(report, out);
    return out.toString();
  }
}
