package dev.wirelab.bench.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * How long this process could not run when it wanted to, the idea of jHiccup: a thread sleeps 1 ms at a
 * time and records how much longer than that each sleep took. A garbage collection pause, a machine that
 * lent its CPU elsewhere, or a run queue full of the server's own threads all show up here, and a latency
 * outlier that coincides with a hiccup is not the message path's doing.
 */
final class Hiccups implements AutoCloseable {
  private static final long SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Histogram oversleepMicros = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
  private final Thread thread = new Thread(this::run, "comet-load-hiccups");
  private volatile boolean stopping;

  Hiccups start() {
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void run() {
    while (!stopping) {
      long before = System.nanoTime();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
      long oversleepNanos = Math.max(0, System.nanoTime() - before - SLEEP_NANOS);
      synchronized (oversleepMicros) {
        oversleepMicros.recordValue(Math.min(oversleepMicros.getHighestTrackableValue(), oversleepNanos / 1000));
      }
    }
  }

  /** Stops recording and returns what was recorded. */
  Histogram stop() {
    close();
    synchronized (oversleepMicros) {
      return oversleepMicros.copy();
    }
  }

  @Override
  public void close() {
    stopping = true;
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
