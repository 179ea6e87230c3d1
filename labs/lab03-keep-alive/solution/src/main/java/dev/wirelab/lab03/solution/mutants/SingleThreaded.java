package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.locks.ReentrantLock;

/** Classic bug: one connection at a time, so one idle or slow client makes every other wait. */
public class SingleThreaded extends ReferenceServer {
  // Fair: connections are served in the order they came, exactly like a single accept loop.
  private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock(true);

  @Override
  protected void handle(Socket socket) throws IOException {
    ONE_AT_A_TIME.lock();
    try {
      super.handle(socket);
    } finally {
      ONE_AT_A_TIME.unlock();
    }
  }
}
