package dev.wirelab.bench.support;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Objects;

/**
 * A connected TCP connection over loopback, both ends in this JVM: {@link #client()} connected to
 * {@link #server()}, 127.0.0.1 on an ephemeral port. The listening socket is closed as soon as the
 * connection is accepted, so a pair holds exactly two sockets and {@link #close()} releases them all;
 * a benchmark opens one in {@code @Setup} and closes it in {@code @TearDown}, and a second in-process
 * run (forks 0) starts from nothing.
 *
 * <p>Both ends get the same {@link SocketSetup} before any byte moves, so an option such as
 * {@code TCP_NODELAY} is in force from the first write. Both also get a read timeout
 * ({@link #DEFAULT_READ_TIMEOUT_MILLIS} unless the setup sets another): a benchmark whose reader waits
 * for bytes that never come fails with {@link SocketTimeoutException} instead of hanging a build.
 *
 * <pre>
 *   try (LoopbackPair pair = LoopbackPair.open(LoopbackPair.noDelay(true))) {
 *     pair.server().getOutputStream().write(message);
 *     Streams.readExactly(pair.client().getInputStream(), buffer, message.length);
 *   }
 * </pre>
 */
public final class LoopbackPair implements Closeable {
  /** Long enough for any stall a benchmark here studies (a 40 ms delayed ACK), short enough to fail fast. */
  public static final int DEFAULT_READ_TIMEOUT_MILLIS = 10_000;

  /** Applied to each end of the connection; may throw, as most {@link Socket} setters do. */
  @FunctionalInterface
  public interface SocketSetup {
    void apply(Socket socket) throws IOException;

    /** This setup, then {@code next}. */
    default SocketSetup andThen(SocketSetup next) {
      Objects.requireNonNull(next, "next");
      return socket -> {
        apply(socket);
        next.apply(socket);
      };
    }
  }

  private final Socket client;
  private final Socket server;

  private LoopbackPair(Socket client, Socket server) {
    this.client = client;
    this.server = server;
  }

  /** A pair with Java's defaults (Nagle on, that is {@code TCP_NODELAY} off) and the default read timeout. */
  public static LoopbackPair open() throws IOException {
    return open(socket -> {});
  }

  /** A pair whose two ends both went through {@code setup} before the first byte was written. */
  public static LoopbackPair open(SocketSetup setup) throws IOException {
    Objects.requireNonNull(setup, "setup");
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    Socket client = null;
    try (ServerSocket listener = new ServerSocket()) {
      listener.bind(new InetSocketAddress(loopback, 0), 1);
      // The accept must not wait forever if the connect fails.
      listener.setSoTimeout(DEFAULT_READ_TIMEOUT_MILLIS);
      client = new Socket();
      client.connect(listener.getLocalSocketAddress(), DEFAULT_READ_TIMEOUT_MILLIS);
      Socket server = listener.accept();
      try {
        for (Socket end : new Socket[] {client, server}) {
          end.setSoTimeout(DEFAULT_READ_TIMEOUT_MILLIS);
          setup.apply(end);
        }
        return new LoopbackPair(client, server);
      } catch (IOException | RuntimeException e) {
        server.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      if (client != null) client.close();
      throw e;
    }
  }

  /** {@code TCP_NODELAY} on both ends: {@code true} turns Nagle's algorithm off. */
  public static SocketSetup noDelay(boolean tcpNoDelay) {
    return socket -> socket.setTcpNoDelay(tcpNoDelay);
  }

  /** A read timeout other than the default on both ends; 0 waits forever, so don't. */
  public static SocketSetup readTimeout(int millis) {
    if (millis <= 0) throw new IllegalArgumentException("millis <= 0: " + millis);
    return socket -> socket.setSoTimeout(millis);
  }

  /** The end that connected. */
  public Socket client() {
    return client;
  }

  /** The end that was accepted. */
  public Socket server() {
    return server;
  }

  /** Closes both ends; closing one that is already closed does nothing. */
  @Override
  public void close() throws IOException {
    try {
      client.close();
    } finally {
      server.close();
    }
  }

  @Override
  public String toString() {
    return "LoopbackPair{client=" + client.getLocalPort() + ", server=" + server.getLocalPort() + "}";
  }
}
