package dev.wirelab.bench.framing;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The reading end of a loopback connection on a thread of its own: it reads and drops everything, and
 * counts one body each time another {@code bytesPerBody} have arrived, so a writer can wait for its
 * body to be read without the reader parsing it.
 */
final class Drain implements AutoCloseable {
  private final Socket socket;
  private final long bytesPerBody;
  private final Semaphore bodiesArrived = new Semaphore(0);
  private final Thread thread;
  private volatile IOException failure;

  Drain(Socket socket, long bytesPerBody) {
    this.socket = socket;
    this.bytesPerBody = bytesPerBody;
    this.thread = new Thread(this::run, "framing-drain");
    thread.setDaemon(true);
    thread.start();
  }

  /** Blocks until one more whole body has been read; fails rather than hangs. */
  void awaitBody() throws IOException, InterruptedException {
    if (!bodiesArrived.tryAcquire(10, TimeUnit.SECONDS)) {
      throw new IOException("expected a body of " + bytesPerBody + " bytes within 10 s but it did not arrive", failure);
    }
  }

  private void run() {
    byte[] scratch = new byte[256 * 1024];
    long pendingBytes = 0;
    try {
      InputStream in = socket.getInputStream();
      while (true) {
        int readCount;
        try {
          readCount = in.read(scratch);
        } catch (SocketTimeoutException idle) {
          continue; // between iterations nothing comes; only close() ends the drain
        }
        if (readCount == -1) return;
        pendingBytes += readCount;
        while (pendingBytes >= bytesPerBody) {
          pendingBytes -= bytesPerBody;
          bodiesArrived.release();
        }
      }
    } catch (IOException e) {
      if (!socket.isClosed()) failure = e;
    }
  }

  /** Closes the reading socket, which ends the thread's read, and waits for the thread. */
  @Override
  public void close() throws IOException, InterruptedException {
    socket.close();
    thread.join(TimeUnit.SECONDS.toMillis(5));
  }
}
