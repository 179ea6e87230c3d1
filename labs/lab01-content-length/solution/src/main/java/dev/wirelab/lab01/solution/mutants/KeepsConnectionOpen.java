package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;
import java.net.Socket;

/** Classic bug: says Connection: close but holds the connection open for seconds after the response. */
public class KeepsConnectionOpen extends ReferenceServer {
  private static final long HOLD_MILLIS = 5_000;

  @Override
  protected void finishConnection(Socket socket) {
    try {
      Thread.sleep(HOLD_MILLIS);
    } catch (InterruptedException e) {
      // The server is closing (ConnectionServer.close interrupts connection threads): stop holding.
      Thread.currentThread().interrupt();
    }
  }
}
