package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.Broker.Wake;
import dev.wirelab.lab04.solution.Message;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.sql.SQLException;
import java.util.List;

/**
 * Classic bug, the wakeup as the message: the subscriber waits for "the next publish" instead of for
 * "an id above my cursor", and on waking sends the newest message, as if the wakeup had carried it.
 * A POST that lands while it is writing is never waited for, and when several land between two
 * wakeups only the last is sent: under concurrent posts messages are lost.
 */
public class LostWakeup extends ReferenceServer {
  @Override
  protected Wake awaitNews(long cursor, long timeoutNanos) throws InterruptedException, SQLException {
    // Compares with the latest id now, not with what this subscriber sent: whatever came since is forgotten.
    return super.awaitNews(broker().latestId(), timeoutNanos);
  }

  @Override
  protected List<Message> unsent(long cursor) throws SQLException {
    List<Message> unsent = super.unsent(cursor);
    return unsent.isEmpty() ? unsent : List.of(unsent.get(unsent.size() - 1));
  }
}
