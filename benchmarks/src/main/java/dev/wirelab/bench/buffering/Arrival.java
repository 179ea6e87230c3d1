package dev.wirelab.bench.buffering;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/** The reader's side: how many of the bytes a writer sent have arrived by a deadline. */
final class Arrival {
  private Arrival() {}

  /**
   * Reads up to {@code byteCount} bytes from {@code socket}, dropping them into {@code scratch}, until
   * all have arrived or {@code deadlineNanos} (a {@link System#nanoTime} value) passes; returns how many
   * arrived. Fewer than {@code byteCount} means the rest was held somewhere on the way.
   */
  static int readUntil(Socket socket, byte[] scratch, int byteCount, long deadlineNanos) throws IOException {
    InputStream in = socket.getInputStream();
    int arrived = 0;
    int timeoutBefore = socket.getSoTimeout();
    try {
      while (arrived < byteCount) {
        long remainingNanos = deadlineNanos - System.nanoTime();
        if (remainingNanos <= 0) return arrived;
        // SO_TIMEOUT counts whole milliseconds, and 0 would mean "wait for ever".
        socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos)));
        int readCount;
        try {
          readCount = in.read(scratch, 0, Math.min(scratch.length, byteCount - arrived));
        } catch (SocketTimeoutException held) {
          continue;
        }
        if (readCount == -1) throw new EOFException("expected " + byteCount + " bytes but the stream ended after " + arrived);
        arrived += readCount;
      }
      return arrived;
    } finally {
      socket.setSoTimeout(timeoutBefore);
    }
  }
}
