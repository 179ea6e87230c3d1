package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.Broker.Wake;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.sql.SQLException;

/** Classic bug: a held poll looks at the database once a second instead of being woken by the POST. */
public class PollSleepLoop extends ReferenceServer {
  @Override
  protected Wake awaitPoll(long cursor, long timeoutNanos) throws InterruptedException, SQLException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (true) {
      if (broker().isClosed()) return Wake.CLOSED;
      if (store().latestId() > cursor) return Wake.NEWS;
      long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (remainingMillis <= 0) return Wake.QUIET;
      Thread.sleep(Math.min(1000, remainingMillis));
    }
  }
}
