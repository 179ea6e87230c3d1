package dev.wirelab.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.client.Exchange;
import dev.wirelab.target.CommandTarget;
import dev.wirelab.target.InProcessTarget;
import dev.wirelab.testing.HostileServers;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A broken or hostile server must be graded to completion, quickly, with clear failures, and without
 * the harness holding on to what it sent.
 */
@Timeout(120)
class HostileServerGradingTest {
  private final Lab lab = LabCatalog.find("lab01").orElseThrow();

  @Test
  void serverThatNeverAnswersFailsTheRootCheckAndSkipsTheRest() throws IOException {
    GradeReport report = new Grader(GradeOptions.defaults())
        .grade(lab, new InProcessTarget(HostileServers.Silent.class.getName()));

    CheckResult root = report.result("CL-01");
    assertThat(root.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(root.diagnostic().actual()).contains("no complete response before the deadline", "no bytes received");
    assertThat(report.results()).filteredOn(result -> result != root)
        .allSatisfy(result -> {
          assertThat(result.status()).isEqualTo(CheckStatus.NOT_RUN);
          assertThat(result.note()).matches("depends on CL-(01|03|10)");
        });
    assertThat(report.pointsEarned()).isZero();
    assertThat(report.durationMillis()).isLessThan(lab.budget().toMillis());
  }

  @Test
  void serverThatStreamsForeverIsCutOffAtTheByteCapAndReleased() throws IOException {
    long cap = 2L * 1024 * 1024;
    GradeReport report = new Grader(GradeOptions.defaults().withByteCap(cap))
        .grade(lab, new InProcessTarget(HostileServers.Endless.class.getName()));

    assertThat(report.fullMarks()).isFalse();
    assertThat(report.result("CL-01").status()).isEqualTo(CheckStatus.PASSED);
    assertThat(report.result("CL-03").diagnostic().message()).contains("no Content-Length");
    for (CheckResult result : report.results()) {
      for (Exchange exchange : result.exchanges()) {
        assertThat(exchange.transcript().receivedTotal()).isLessThanOrEqualTo(cap);
        assertThat(exchange.transcript().isReleased()).as("bytes of %s released", exchange.label()).isTrue();
      }
    }
    assertThat(report.durationMillis()).isLessThan(lab.budget().toMillis());
  }

  @Test
  void serverThatNeverListensIsReportedAsNotStarted() throws IOException {
    GradeReport report = new Grader(GradeOptions.defaults().withStartupTimeout(Duration.ofSeconds(2)))
        .grade(lab, new CommandTarget("sleep 30"));

    assertThat(report.startupError()).contains("nothing accepted connections", "within 2000 ms");
    assertThat(report.results()).allSatisfy(result -> assertThat(result.status()).isEqualTo(CheckStatus.NOT_RUN));
    assertThat(report.fullMarks()).isFalse();
    assertThat(report.durationMillis()).isLessThan(10_000);
  }

  @Test
  void commandThatExitsAtOnceIsReportedWithWhatItPrinted() throws IOException {
    GradeReport report = new Grader(GradeOptions.defaults())
        .grade(lab, new CommandTarget("echo 'Error: no module named flask' >&2; exit 3"));

    assertThat(report.startupError()).contains("exited before it accepted connections", "no module named flask");
  }

  @Test
  void commandProcessTreeIsKilledWhenGradingEnds() throws IOException {
    String marker = "317" + ProcessHandle.current().pid() % 1000;
    String javaBinary = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String server = Implementations.load().className(lab.name(), "reference").orElseThrow();
    // The shell leaves a grandchild behind (sleep) and replaces itself with the server.
    String command = "sleep " + marker + " & exec '" + javaBinary + "' -cp '" + System.getProperty("java.class.path")
        + "' " + server;

    GradeReport report = new Grader(GradeOptions.defaults()).grade(lab, new CommandTarget(command));

    assertThat(report.startupError()).isNull();
    assertThat(report.result("CL-01").status()).isEqualTo(CheckStatus.PASSED);
    assertThat(ProcessHandle.allProcesses()
        .map(process -> process.info().commandLine().orElse(""))
        .filter(line -> line.contains("sleep " + marker) || line.contains(server)))
        .as("processes left behind").isEmpty();
  }

  @Test
  void serverThatFailsToStartInProcessIsReportedNotThrown() throws IOException {
    GradeReport report = new Grader(GradeOptions.defaults())
        .grade(lab, new InProcessTarget(HostileServers.FailsToStart.class.getName()));

    assertThat(report.startupError()).contains("refusing to start");
  }

  @Test
  void unknownClassIsReportedNotThrown() throws IOException {
    GradeReport report = new Grader(GradeOptions.defaults())
        .grade(lab, new InProcessTarget("com.example.NoSuchServer"));

    assertThat(report.startupError()).contains("no class com.example.NoSuchServer");
  }
}
