package dev.wirelab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.report.GradedRuns.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The junit report read by a real consumer: the parser maven-surefire-report-plugin uses to build its
 * HTML report from TEST-*.xml files (org.apache.maven.surefire:surefire-report-parser). It reads the
 * file with the JDK's SAX parser, so a character XML 1.0 forbids would fail here too.
 */
@Timeout(300)
class JunitSurefireParserTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void surefiresParserCountsWhatTheGraderFound(String lab) throws Exception {
    GradeReport report = GradedRuns.of(lab, Run.STARTER_INSTRUCTOR);
    ReportTestSuite suite = parseOneSuite(report);

    assertThat(suite.getFullClassName()).isEqualTo(report.lab());
    assertThat(suite.getNumberOfTests()).isEqualTo(report.results().size());
    assertThat(suite.getNumberOfFailures()).isEqualTo((int) report.count(CheckStatus.FAILED)).isPositive();
    assertThat(suite.getNumberOfErrors()).isEqualTo((int) report.count(CheckStatus.ERROR));
    assertThat(suite.getNumberOfSkipped()).isEqualTo((int) report.count(CheckStatus.NOT_RUN));
    List<ReportTestCase> cases = suite.getTestCases();
    assertThat(cases).hasSize(report.results().size());
    for (int i = 0; i < cases.size(); i++) {
      ReportTestCase testCase = cases.get(i);
      CheckResult result = report.results().get(i);
      assertThat(testCase.getName()).isEqualTo(result.id() + " " + result.info().title());
      assertThat(testCase.hasFailure()).as(result.id()).isEqualTo(result.status() == CheckStatus.FAILED);
      assertThat(testCase.hasSkipped()).as(result.id()).isEqualTo(result.status() == CheckStatus.NOT_RUN);
      if (result.status() == CheckStatus.FAILED && result.diagnostic() != null) {
        assertThat(testCase.getFailureMessage()).isEqualTo(result.diagnostic().message());
        assertThat(testCase.getFailureDetail()).contains("why: wirelab explain " + result.id());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab01", "lab02"})
  void surefiresParserSeesTheReferenceAllGreen(String lab) throws Exception {
    ReportTestSuite suite = parseOneSuite(GradedRuns.of(lab, Run.REFERENCE_INSTRUCTOR));

    assertThat(suite.getNumberOfTests()).isPositive();
    assertThat(suite.getNumberOfFailures() + suite.getNumberOfErrors() + suite.getNumberOfSkipped()).isZero();
    assertThat(suite.getTestCases()).allSatisfy(testCase -> assertThat(testCase.isSuccessful()).isTrue());
  }

  private ReportTestSuite parseOneSuite(GradeReport report) throws Exception {
    Path file = dir.resolve("TEST-" + report.lab() + ".xml");
    Files.writeString(file, ReportFormatsTest.render(new JunitReportWriter(), report), StandardCharsets.UTF_8);
    List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
    assertThat(suites).hasSize(1);
    return suites.get(0);
  }
}
