package dev.wirelab.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-thread TCP server on loopback that does one thing to each connection it accepts. Tests use it
 * in try-with-resources: {@link #close()} closes the listening socket and every accepted one, which
 * unblocks the behaviour, and joins the thread.
 */
public final class HostileServer implements AutoCloseable {
  /** What to do with one accepted connection; it may block, {@link #close()} will unblock it. */
  @FunctionalInterface
  public interface Behaviour {
    void serve(Socket socket) throws Exception;
  }

  private final ServerSocket listener;
  private final Thread thread;
  private final List<Socket> accepted = new ArrayList<>();
  private volatile boolean closing;

  private HostileServer(Behaviour behaviour) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> acceptLoop(behaviour), "hostile-server-" + listener.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  public static HostileServer start(Behaviour behaviour) throws IOException {
    return new HostileServer(behaviour);
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  private void acceptLoop(Behaviour behaviour) {
    while (!closing) {
      try (Socket socket = listener.accept()) {
        synchronized (accepted) {
          accepted.add(socket);
        }
        behaviour.serve(socket);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (closing) return;
        // The behaviour is meant to be rude; a peer that went away is no failure of the test.
      }
    }
  }

  @Override
  public void close() throws IOException {
    closing = true;
    listener.close();
    synchronized (accepted) {
      for (Socket socket : accepted) socket.close();
    }
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) throw new IllegalStateException("server thread did not stop: " + thread.getName());
  }

  /** Reads the request head, writes {@code response}, half-closes, and waits for the client to close. */
  public static HostileServer answerThenClose(String response) throws IOException {
    return start(socket -> {
      readRequestHead(socket);
      write(socket, response);
      socket.shutdownOutput();
      socket.getInputStream().read();
    });
  }

  /** Reads up to and including the empty line that ends a request head, or to end of stream. */
  public static byte[] readRequestHead(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] terminator = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    while (matched < terminator.length) {
      int b = in.read();
      if (b < 0) break;
      head.write(b);
      matched = b == terminator[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  public static void write(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }
}
