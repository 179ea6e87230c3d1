package dev.wirelab.lab04.solution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.lab04.solution.Broker.Wake;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BrokerTest {
  @Test
  void anIdPublishedBeforeTheWaitIsNewsAtOnce() throws Exception {
    Broker broker = new Broker(0);
    broker.publish(() -> 1);

    long startNanos = System.nanoTime();
    assertThat(broker.awaitNewerThan(0, 5, TimeUnit.SECONDS)).isEqualTo(Wake.NEWS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)).isLessThan(100);
  }

  @Test
  void aPublishWakesAWaiter() throws Exception {
    Broker broker = new Broker(7);
    CompletableFuture<Wake> waiter = CompletableFuture.supplyAsync(() -> await(broker, 7, 5_000));
    Thread.sleep(100);

    long startNanos = System.nanoTime();
    broker.publish(() -> 8);

    assertThat(waiter.get(2, TimeUnit.SECONDS)).isEqualTo(Wake.NEWS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)).isLessThan(500);
  }

  @Test
  void nothingNewerWithinTheTimeoutIsQuiet() throws Exception {
    Broker broker = new Broker(3);

    long startNanos = System.nanoTime();
    assertThat(broker.awaitNewerThan(3, 150, TimeUnit.MILLISECONDS)).isEqualTo(Wake.QUIET);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)).isGreaterThanOrEqualTo(140);
  }

  @Test
  void closeWakesEveryWaiter() throws Exception {
    Broker broker = new Broker(0);
    CompletableFuture<Wake> first = CompletableFuture.supplyAsync(() -> await(broker, 0, 10_000));
    CompletableFuture<Wake> second = CompletableFuture.supplyAsync(() -> await(broker, 0, 10_000));
    Thread.sleep(100);

    broker.close();

    assertThat(first.get(1, TimeUnit.SECONDS)).isEqualTo(Wake.CLOSED);
    assertThat(second.get(1, TimeUnit.SECONDS)).isEqualTo(Wake.CLOSED);
    assertThat(broker.awaitNewerThan(0, 10, TimeUnit.SECONDS)).isEqualTo(Wake.CLOSED);
  }

  @Test
  void latestIdNeverGoesBack() throws SQLException {
    Broker broker = new Broker(10);
    broker.publish(() -> 4);

    assertThat(broker.latestId()).isEqualTo(10);
  }

  private static Wake await(Broker broker, long cursor, long timeoutMillis) {
    try {
      return broker.awaitNewerThan(cursor, timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
