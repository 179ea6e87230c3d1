package dev.wirelab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.grade.GradeOptions;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.grade.Grader;
import dev.wirelab.grade.Implementations;
import dev.wirelab.grade.LabCatalog;
import dev.wirelab.target.InProcessTarget;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Both report formats, rendered from a real grading run of a mutant whose Content-Length counts chars. */
@Timeout(120)
class ReportWritersTest {
  private static GradeReport report;

  @BeforeAll
  static void gradeAMutant() throws IOException {
    String mutant = Implementations.load().className("lab01-content-length", "mutant.length-in-chars").orElseThrow();
    report = new Grader(GradeOptions.defaults())
        .grade(LabCatalog.find("lab01").orElseThrow(), new InProcessTarget(mutant));
  }

  @Test
  void textReportShowsTheFailureWithACaretUnderTheGuiltyBytes() throws IOException {
    String text = render(new TextReportWriter(false));

    assertThat(text).contains("FAIL  CL-03");
    assertThat(text).contains("expected \"Content-Length: 14\" but was \"Content-Length: 10\"");
    assertThat(text).contains("RFC 9110 §8.6 · at byte ");
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length - 1; i++) {
      if (lines[i + 1].trim().equals("^") && lines[i].contains("Content-Length: 10")) {
        int caret = lines[i + 1].indexOf('^');
        assertThat(lines[i].substring(caret)).startsWith("Content-Length: 10\\r\\n");
        return;
      }
    }
    throw new AssertionError("no caret under Content-Length: 10 in:\n" + text);
  }

  @Test
  void textReportHasTimelineReproductionAndTotals() throws IOException {
    String text = render(new TextReportWriter(false));

    assertThat(text).contains("connection: sent ", " B at ", "the server closed first (FIN)");
    assertThat(text).contains("reproduce: printf 'GET /hello HTTP/1.1\\r\\nHost: 127.0.0.1:");
    assertThat(text).contains("| nc 127.0.0.1 ");
    assertThat(text).containsPattern("Points \\d+/96");
    assertThat(text).contains("1 hidden check (4 points) not run here");
    assertThat(text).contains("SKIP  CL-08", "not run: depends on CL-03");
    assertThat(text).contains("why: wirelab explain CL-03");
    assertThat(text).doesNotContain("\u001b[");
  }

  @Test
  void colourIsUsedOnlyWhenAskedFor() throws IOException {
    assertThat(render(new TextReportWriter(true))).contains("\u001b[31mFAIL\u001b[0m");
  }

  @Test
  void jsonReportCarriesScoresDiagnosticsAndTimelines() throws IOException {
    JsonNode root = new ObjectMapper().readTree(render(new JsonReportWriter()));

    assertThat(root.path("schema").asText()).isEqualTo("wirelab-report/1");
    assertThat(root.path("lab").asText()).isEqualTo("lab01-content-length");
    assertThat(root.path("pointsPossible").asInt()).isEqualTo(96);
    assertThat(root.path("pointsEarned").asInt()).isEqualTo(report.pointsEarned());
    assertThat(root.path("hiddenChecksNotRun").asInt()).isEqualTo(1);
    assertThat(root.path("hiddenPointsNotRun").asInt()).isEqualTo(4);
    JsonNode cl03 = null;
    for (JsonNode check : root.path("checks")) if (check.path("id").asText().equals("CL-03")) cl03 = check;
    assertThat(cl03).isNotNull();
    assertThat(cl03.path("status").asText()).isEqualTo("failed");
    JsonNode diagnostic = cl03.path("diagnostic");
    assertThat(diagnostic.path("section").asText()).isEqualTo("RFC 9110 §8.6");
    String excerpt = diagnostic.path("excerpt").asText();
    assertThat(excerpt.substring(diagnostic.path("caretColumn").asInt())).startsWith("Content-Length: 10");
    JsonNode exchange = cl03.path("exchanges").get(0);
    assertThat(exchange.path("request").asText()).startsWith("GET /hello HTTP/1.1\\r\\n");
    assertThat(exchange.path("events")).isNotEmpty();
    assertThat(exchange.path("ending").asText()).isEqualTo("peer_closed");
  }

  private static String render(ReportWriter writer) throws IOException {
    StringWriter out = new StringWriter();
    writer.write(report, out);
    return out.toString();
  }
}
