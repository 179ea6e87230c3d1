package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.Broker.Wake;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.sql.SQLException;

/**
 * The seed's design: instead of being woken by the insert, each subscriber sleeps one second and asks
 * the database again. A message waits up to a second before anyone even looks.
 */
public class SeedPolling extends ReferenceServer {
  @Override
  protected Wake awaitNews(long cursor, long timeoutNanos) throws InterruptedException, SQLException {
    Thread.sleep(1000); // sleep(1);
    if (broker().isClosed()) return Wake.CLOSED;
    return store().latestId() > cursor ? Wake.NEWS : Wake.QUIET;
  }
}
