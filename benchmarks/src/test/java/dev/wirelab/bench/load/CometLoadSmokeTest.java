package dev.wirelab.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.api.LabConfig;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A run small enough for every build: five subscribers, one second. The real figures are in notes/04. */
class CometLoadSmokeTest {

  @Test
  void everySubscriberGetsEveryMessageFromTheReferenceInProcess() throws Exception {
    LoadResult result = LoadRun.run(plan(null));

    assertThat(result.failedBeforePreludeCount()).isZero();
    assertThat(result.posts().failedCount()).isZero();
    assertThat(result.deliveredCount()).isEqualTo(5L * 24).isEqualTo(result.expectedCount());
    assertThat(result.latencyMicros().getTotalCount()).isEqualTo(5L * 20);
    assertThat(result.complete()).isTrue();
    assertThat(result.serverAfter().liveThreads()).isGreaterThan(result.serverBefore().liveThreads());
    assertThat(LoadReport.format(result, "java ...", 100))
        .contains("delivered:   120 of 120 expected: 0 missing, 0 duplicated, 0 out of id order")
        .contains("threads:     ")
        .contains("reproduce:   java ...");
  }

  @Test
  void anyServerByAddressWithoutLookingInside() throws Exception {
    try (ReferenceServer server = new ReferenceServer()) {
      server.start(LabConfig.of(Map.of(LabConfig.PORT, "0",
          "JDBC_URL", "jdbc:h2:mem:wirelab-smoke-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")));
      LoadResult result = LoadRun.run(plan(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port())));

      assertThat(result.complete()).isTrue();
      assertThat(result.serverAfter()).isNull();
      assertThat(LoadReport.format(result, "java ...", 100)).contains("threads:     n/a");
    }
  }

  /** S=5, R=20/s, D=1 s after a 0.2 s warm-up: 4 warm-up messages and 20 measured ones. */
  private static LoadPlan plan(InetSocketAddress target) {
    return new LoadPlan(5, 20, 1, 0.2, 2, target, 15_000, 1024,
        "jdbc:h2:mem:wirelab-smoke-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", 5, 10_000, 5_000);
  }
}
