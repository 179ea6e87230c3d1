package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.locks.ReentrantLock;

/** Classic bug: one connection at a time, so one idle or slow client makes every other wait. */
public class SingleThreaded extends ReferenceServer {
  // Fair: connections are served in the order they came, exactly like a single accept loop. One lock
  // per server, not per class: several of these servers may run in one JVM (the kit's determinism test
  // grades ten at a time), and each must be single-threaded on its own, not wait for the others.
  private final ReentrantLock oneAtATime = new ReentrantLock(true);

  @Override
  protected void handle(Socket socket) throws IOException {
    oneAtATime.lock();
    try {
      super.handle(socket);
    } finally {
      oneAtATime.unlock();
    }
  }
}
