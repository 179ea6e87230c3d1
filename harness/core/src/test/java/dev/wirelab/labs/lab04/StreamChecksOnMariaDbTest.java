package dev.wirelab.labs.lab04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeOptions;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.grade.Grader;
import dev.wirelab.grade.Implementations;
import dev.wirelab.target.InProcessTarget;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reference on MariaDB, the seed's MySQL family, chosen by its JDBC URL alone: the message and
 * stream checks pass against a real server. {@code .ci/services.sh} starts one and exports its URL; a
 * machine without it skips this test, except in CI, where a missing database is a failure.
 */
@Timeout(300)
class StreamChecksOnMariaDbTest {
  private static final Set<String> STORE_AND_STREAM_CHECKS = Set.of("CM-01", "CM-02", "CM-03", "CM-04", "CM-05",
      "CM-06", "CM-07", "CM-08", "CM-09", "CM-10", "CM-13", "CM-14", "CM-16", "CM-17", "CM-18");

  @Test
  void referenceOnMariaDbPassesTheStoreAndStreamChecks() throws IOException {
    String url = System.getenv("WIRELAB_MARIADB_URL");
    boolean inCi = "true".equals(System.getenv("CI"));
    if (!inCi) assumeTrue(url != null, "no MariaDB: set WIRELAB_MARIADB_URL (source .ci/services.sh starts one)");
    assertThat(url).as("CI must provide MariaDB through .ci/services.sh").isNotNull();

    GradeOptions onMariaDb = GradeOptions.defaults()
        .withOnlyChecks(STORE_AND_STREAM_CHECKS)
        .withSetting("JDBC_URL", url)
        .withSetting("JDBC_USER", System.getenv().getOrDefault("WIRELAB_MARIADB_USER", "wirelab"))
        .withSetting("JDBC_PASSWORD", System.getenv().getOrDefault("WIRELAB_MARIADB_PASSWORD", "wirelab"));
    String reference = Implementations.load().className("lab04-comet", "reference").orElseThrow();
    GradeReport report = new Grader(onMariaDb).grade(new CometLab(), new InProcessTarget(reference));

    assertThat(report.startupError()).isNull();
    assertThat(report.results()).hasSize(STORE_AND_STREAM_CHECKS.size()).allSatisfy(result ->
        assertThat(result.status()).as(result.id() + ": " + (result.diagnostic() == null ? result.note()
            : result.diagnostic().message())).isEqualTo(CheckStatus.PASSED));
  }
}
