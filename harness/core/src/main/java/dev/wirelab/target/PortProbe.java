package dev.wirelab.target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Finds a free port, and waits for a port to accept connections. */
final class PortProbe {
  private PortProbe() {}

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /**
   * Polls until {@code address} accepts a connection. Gives up when the timeout passes or when
   * {@code stillRunning} turns false (the process died), with a message that includes {@code log}.
   */
  static void awaitAccepting(InetSocketAddress address, Duration timeout, BooleanSupplier stillRunning,
      Supplier<String> log) throws TargetException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (isListening(address)) return;
      if (!stillRunning.getAsBoolean()) {
        throw new TargetException("the server exited before it accepted connections on port "
            + address.getPort() + withLog(log.get()));
      }
      if (System.nanoTime() - deadline > 0) {
        throw new TargetException("nothing accepted connections on " + address.getHostString() + ":"
            + address.getPort() + " within " + timeout.toMillis() + " ms" + withLog(log.get()));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetException("interrupted while waiting for the server");
      }
    }
  }

  /**
   * Whether something listens on the address. On Linux this reads the kernel's socket table instead of
   * connecting: a probe connection that closes without a request crashes many a first server ("index
   * out of range" on an empty read), which would be graded as the student's fault. Elsewhere, or for
   * another host, it connects.
   */
  static boolean isListening(InetSocketAddress address) {
    if (address.getAddress().isLoopbackAddress()) {
      Boolean listed = ListeningSockets.listening(address.getPort());
      if (listed != null) return listed;
    }
    try (Socket socket = new Socket()) {
      socket.connect(address, 250);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static String withLog(String log) {
    return log.isBlank() ? "" : "; it printed:\n" + log;
  }
}
