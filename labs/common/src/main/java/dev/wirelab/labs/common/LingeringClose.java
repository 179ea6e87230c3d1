package dev.wirelab.labs.common;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Ends a connection after its last response without destroying that response (RFC 9112 §9.6).
 *
 * <p>Closing a socket whose input still holds unread bytes makes TCP send a reset, and a reset can
 * discard the response before the client has read it. So: half-close first, so the client sees the end
 * at once; then read and discard what the client still sends, briefly; then let the caller close.
 */
public final class LingeringClose {
  /** How long to keep draining the client's bytes after the half-close. */
  public static final int LINGER_MILLIS = 2_000;

  private LingeringClose() {}

  /** Half-closes {@code socket} and drains its input until the client closes or the linger ends. */
  public static void finish(Socket socket) throws IOException {
    socket.shutdownOutput();
    socket.setSoTimeout(LINGER_MILLIS);
    byte[] discard = new byte[8192];
    long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
    try {
      while (System.nanoTime() < deadline && socket.getInputStream().read(discard) != -1) {
        // Keep draining until the client closes its side or the deadline passes.
      }
    } catch (SocketTimeoutException e) {
      // The client kept its side open; it has had its chance to read the response.
    }
  }
}
