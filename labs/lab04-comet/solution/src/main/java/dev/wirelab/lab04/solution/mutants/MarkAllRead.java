package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.Broker.Wake;
import dev.wirelab.lab04.solution.Message;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.sql.SQLException;
import java.util.List;

/**
 * The seed's flag: "unread" is global, so whichever subscriber reads a message first marks it read for
 * everyone ({@code update message set flag = 1}), and the others never see it.
 */
public class MarkAllRead extends ReferenceServer {
  private final Object flagLock = new Object();
  private long readUpTo; // every message up to here has flag = 1

  @Override
  protected List<Message> unsent(long cursor) throws SQLException {
    synchronized (flagLock) {
      List<Message> unread = super.unsent(Math.max(cursor, readUpTo)); // select ... where flag = 0
      if (!unread.isEmpty()) readUpTo = unread.get(unread.size() - 1).id(); // update message set flag = 1
      return unread;
    }
  }

  @Override
  protected Wake awaitNews(long cursor, long timeoutNanos) throws InterruptedException, SQLException {
    long flag;
    synchronized (flagLock) {
      flag = readUpTo;
    }
    return super.awaitNews(Math.max(cursor, flag), timeoutNanos); // news means: unread by anyone
  }
}
