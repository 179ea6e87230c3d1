package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.Broker.Wake;
import dev.wirelab.lab04.solution.Message;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Classic bug, the wakeup as the message: the subscriber waits for "the next publish" instead of for
 * "an id above my cursor", and on waking sends the newest message, as if the wakeup had carried it.
 * A POST that lands while it is writing is never waited for, and when several land between two
 * wakeups only the last is sent: under concurrent posts messages are lost.
 *
 * <p>A real race shows or not as threads happen to be scheduled, but a kit's mutant must get the same
 * score every run. So the window is held open on purpose, as if each send were followed by some
 * bookkeeping: {@value #BOOKKEEPING_MILLIS} ms. POSTs a few milliseconds apart (CM-06, CM-09, CM-10)
 * always land in it; CM-07's, 200 ms apart, never do.
 */
public class LostWakeup extends ReferenceServer {
  static final int BOOKKEEPING_MILLIS = 50;

  @Override
  protected void sendMessages(OutputStream body, List<Message> messages, Function<Message, byte[]> format)
      throws IOException {
    super.sendMessages(body, messages, format);
    try {
      Thread.sleep(BOOKKEEPING_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("closing");
    }
  }

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
