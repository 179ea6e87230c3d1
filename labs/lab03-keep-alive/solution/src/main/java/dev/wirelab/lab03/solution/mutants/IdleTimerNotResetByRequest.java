package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Connection;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.RequestReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/** Classic bug: the idle deadline runs from the end of the last response until the whole head is in. */
public class IdleTimerNotResetByRequest extends ReferenceServer {
  private static final int END_OF_HEAD = 0x0D0A0D0A;
  private static final int MAX_HEAD = RequestReader.MAX_HEAD_BYTES;

  @Override
  protected boolean awaitRequest(Connection connection, InputStream in) throws IOException {
    long deadline = System.nanoTime() + idleWaitMillis() * 1_000_000L;
    in.mark(MAX_HEAD + 1);
    int lastFourBytes = 0;
    try {
      for (int byteCount = 0; lastFourBytes != END_OF_HEAD && byteCount <= MAX_HEAD; byteCount++) {
        long millisLeft = (deadline - System.nanoTime()) / 1_000_000;
        if (millisLeft <= 0) return false;
        connection.socket().setSoTimeout((int) millisLeft);
        int b = in.read();
        if (b == -1) return false;
        lastFourBytes = lastFourBytes << 8 | b;
      }
    } catch (SocketTimeoutException idle) {
      return false;
    }
    in.reset(); // The head is all here: now read it for real.
    connection.socket().setSoTimeout(REQUEST_TIMEOUT_MILLIS);
    return true;
  }
}
