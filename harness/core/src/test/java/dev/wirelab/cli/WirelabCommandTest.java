package dev.wirelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.api.LabConfig;
import dev.wirelab.api.LabServer;
import dev.wirelab.grade.Implementations;
import dev.wirelab.grade.LabCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user types it: exit statuses, outputs, and errors that say what was wrong. */
@Timeout(180)
class WirelabCommandTest {
  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var commandLine = WirelabCommand.commandLine();
      commandLine.setOut(new java.io.PrintWriter(System.out, true));
      commandLine.setErr(new java.io.PrintWriter(System.err, true));
      int status = commandLine.execute(args);
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  @Test
  void gradingTheReferenceExitsZeroWithFullMarks() {
    Run run = run("grade", "lab01", "--impl", "reference", "--no-color");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Points 96/96");
  }

  @Test
  void gradingTheStarterExitsOneAndWritesTextAndJson(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("report.json");
    Run run = run("grade", "lab01-content-length", "--impl", "starter", "--no-color",
        "--format", "text", "--format", "json=" + json);

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL  CL-03", "Points ");
    JsonNode report = new ObjectMapper().readTree(Files.readString(json));
    assertThat(report.path("fullMarks").asBoolean()).isFalse();
    assertThat(report.path("checks").size()).isEqualTo(20);
  }

  @Test
  void everyFormatToAFileLeavesOnlyThePointsLineOnStandardOutput(@TempDir Path dir) throws Exception {
    Run run = run("grade", "lab01", "--impl", "starter", "--no-color",
        "--format", "json=" + dir.resolve("report.json"), "--format", "junit=" + dir.resolve("TEST-lab01.xml"),
        "--format", "markdown=" + dir.resolve("summary.md") + ",gradescope=" + dir.resolve("results/results.json"));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).matches("Points \\d+/96\\R");
    String points = run.out().strip();
    JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("report.json")));
    assertThat("Points " + json.path("pointsEarned").asInt() + "/96").isEqualTo(points);
    JsonNode gradescope = new ObjectMapper().readTree(Files.readString(dir.resolve("results/results.json")));
    assertThat(gradescope.path("score").asInt()).isEqualTo(json.path("pointsEarned").asInt());
    assertThat(Files.readString(dir.resolve("TEST-lab01.xml")))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"lab01-content-length\" tests=\"20\"")
        .contains("<property name=\"points\" value=\"" + points.substring("Points ".length()) + "\"/>");
    assertThat(Files.readString(dir.resolve("summary.md"))).startsWith("## wirelab · lab01-content-length")
        .contains(points + "\n");
  }

  @Test
  void fullMarksWithReportsInFilesExitZeroWithThePointsLine(@TempDir Path dir) {
    Run run = run("grade", "lab01", "--impl", "reference", "--out", dir.resolve("results.json").toString(),
        "--format", "gradescope");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("Points 96/96" + System.lineSeparator());
  }

  @Test
  void aReportOnStandardOutputTakesThePlaceOfThePointsLine(@TempDir Path dir) {
    Run run = run("grade", "lab01", "--impl", "starter", "--format", "markdown",
        "--format", "junit=" + dir.resolve("TEST-lab01.xml"));

    assertThat(run.out()).startsWith("## wirelab · lab01-content-length (Content-Length): Points ")
        .contains("| CL-03 | ", "<details><summary>CL-03 ");
    assertThat(run.out().lines().filter(line -> line.startsWith("Points "))).isEmpty();
    assertThat(run("grade", "lab01", "--format", "yaml").err())
        .contains("no report format yaml; known: [text, json, junit, markdown, gradescope]");
  }

  @Test
  void twoReportsInOnePlaceAreAUsageError(@TempDir Path dir) {
    Run bothOnStdout = run("grade", "lab01", "--format", "text", "--format", "json");
    assertThat(bothOnStdout.status()).isEqualTo(2);
    assertThat(bothOnStdout.err()).contains("the text and json reports would both go to standard output");

    Path file = dir.resolve("report");
    Run bothInAFile = run("grade", "lab01", "--format", "json=" + file, "--format", "markdown=" + dir.resolve(".").resolve("report"));
    assertThat(bothInAFile.status()).isEqualTo(2);
    assertThat(bothInAFile.err()).contains("the json and markdown reports would both go to " + file);
    assertThat(file).doesNotExist();
  }

  @Test
  void gradingAMutantByName() {
    Run run = run("grade", "lab01", "--impl", "mutant:length-in-chars", "--no-color");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL  CL-03");
  }

  @Test
  void unknownLabAndConflictingTargetsAreUsageErrors() {
    Run unknown = run("grade", "lab99");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("no lab lab99; known: [lab01-content-length, lab02-chunked, lab03-keep-alive, lab04-comet]");

    Run both = run("grade", "lab01", "--impl", "reference", "--target", "127.0.0.1:1");
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err()).contains("give only one of --impl, --command, --target");
  }

  @Test
  void exportLabsAreCheckedBeforeAnythingIsWritten(@TempDir Path dir) {
    Path student = dir.resolve("student");
    String repository = Path.of("../..").toAbsolutePath().normalize().toString();

    Run unknown = run("export", "--student", student.toString(), "--labs", "lab01,lab99", "--repo", repository);
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("no lab lab99; known: [lab01-content-length,");

    Run forGradescope = run("export", "--gradescope", dir.resolve("b.zip").toString(), "--lab", "lab01",
        "--labs", "lab01", "--repo", repository);
    assertThat(forGradescope.status()).isEqualTo(2);
    assertThat(forGradescope.err()).contains("--labs goes with --student only");

    Run lab = run("export", "--student", student.toString(), "--lab", "lab01", "--repo", repository);
    assertThat(lab.status()).isEqualTo(2);
    assertThat(lab.err()).contains("a student edition takes --labs");
    assertThat(student).doesNotExist();
    assertThat(dir.resolve("b.zip")).doesNotExist();
  }

  @Test
  void listAndExplainDescribeTheChecks() {
    Run list = run("list");
    assertThat(list.status()).isZero();
    assertThat(list.out()).contains("lab01-content-length", "CL-01", "RFC 9112 §4", "lab02-chunked", "CH-10");
    assertThat(list.out()).contains("lab01-content-length · Content-Length · 96 points (+4 in hidden checks)",
        "  + 1 hidden check (4 points), run at final grading");
    assertThat(list.out()).doesNotContain("Percent-encoded", "CL-16");
    assertThat(run("list", "--include-hidden").out()).contains("Percent-encoded and absolute escapes", "(hidden)");

    Run explain = run("explain", "cl-03");
    assertThat(explain.status()).isZero();
    assertThat(explain.out()).contains("CL-03", "RFC 9110 §8.6 (MUST: an RFC requirement)", "14 bytes");
    assertThat(run("explain", "CL-16").out()).contains("hidden check").doesNotContain("percent-decoding");
    assertThat(run("explain", "CL-07").out()).contains("required by this lab's contract");

    assertThat(run("explain", "XX-99").status()).isEqualTo(2);
  }

  @Test
  void inspectAnnotatesTheReferenceResponse(@TempDir Path dir) throws Exception {
    String reference = Implementations.load().className("lab01-content-length", "reference").orElseThrow();
    Map<String, String> settings = LabCatalog.find("lab01").orElseThrow().prepare(dir, Map.of());
    try (LabServer server = (LabServer) Class.forName(reference).getDeclaredConstructor().newInstance()) {
      server.start(LabConfig.of(settings));
      String url = "http://127.0.0.1:" + server.port() + "/hello";

      Run text = run("inspect", "--no-color", url);
      assertThat(text.status()).isZero();
      assertThat(text.out()).contains("> GET /hello HTTP/1.1\\r\\n", "< HTTP/1.1 200 OK\\r\\n",
          "< Content-Length: 14\\r\\n", "framing: CONTENT_LENGTH", "body:    14 bytes",
          "verdict: a valid HTTP/1.1 response");

      Run json = run("inspect", "--json", "--method", "HEAD", url);
      JsonNode tree = new ObjectMapper().readTree(json.out());
      assertThat(tree.path("framing").asText()).isEqualTo("NONE");
      assertThat(tree.path("contentLength").isNull()).isTrue();
      assertThat(tree.path("bodyLength").asInt()).isZero();
    }
  }
}
