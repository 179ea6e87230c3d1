package dev.wirelab.lab04.solution;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Push on insert: appending a message wakes every waiting subscriber, instead of each one querying the
 * database every second as the seed did. The broker carries no messages, only the latest id; a woken
 * subscriber reads what is after its own cursor from the store.
 *
 * <p>No lost wakeups: a subscriber compares its cursor with the latest id under the same lock that
 * {@link #publish} takes, so a message appended after its last read and before its wait is seen at once.
 */
public final class Broker {
  /** Why {@link #awaitNewerThan} returned. */
  public enum Wake {
    /** A message newer than the cursor exists. */
    NEWS,
    /** The timeout passed with nothing newer. */
    QUIET,
    /** The server is closing: stop. */
    CLOSED
  }

  /** The store operation that assigns the id, run under the broker's lock. */
  public interface Append {
    long run() throws SQLException;
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long latestId;
  private boolean closed;

  public Broker(long latestId) {
    this.latestId = latestId;
  }

  /**
   * Appends and wakes every waiter. Appends are serialized by the lock, so ids become visible in the
   * order they were assigned: with concurrent transactions an AUTO_INCREMENT id 8 can commit before id
   * 7, and a subscriber that sent 8 would move its cursor past 7 and never send it.
   */
  public long publish(Append append) throws SQLException {
    lock.lock();
    try {
      long id = append.run();
      latestId = Math.max(latestId, id);
      changed.signalAll();
      return id;
    } finally {
      lock.unlock();
    }
  }

  public long latestId() {
    lock.lock();
    try {
      return latestId;
    } finally {
      lock.unlock();
    }
  }

  /** Returns at once when an id above {@code cursor} exists; otherwise waits for one, at most the timeout. */
  public Wake awaitNewerThan(long cursor, long timeout, TimeUnit unit) throws InterruptedException {
    long remainingNanos = unit.toNanos(timeout);
    lock.lock();
    try {
      while (true) {
        if (closed) return Wake.CLOSED;
        if (latestId > cursor) return Wake.NEWS;
        if (remainingNanos <= 0) return Wake.QUIET;
        remainingNanos = changed.awaitNanos(remainingNanos);
      }
    } finally {
      lock.unlock();
    }
  }

  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every waiter with {@link Wake#CLOSED}, now and from now on. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
