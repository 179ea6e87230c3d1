package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Classic bug: one connection at a time, so one idle or slow client makes every other wait. */
public class SingleThreaded extends ReferenceServer {
  // One thread serves every connection in the order they were accepted, exactly like a loop that
  // accepts and then serves. (A lock around handle() would serve them in whatever order their threads
  // reached it, and the grade would change from run to run.)
  @Override
  protected ExecutorService connectionThreads(ThreadFactory threads) {
    return Executors.newSingleThreadExecutor(threads);
  }
}
