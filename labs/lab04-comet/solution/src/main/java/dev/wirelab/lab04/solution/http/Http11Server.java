package dev.wirelab.lab04.solution.http;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A small HTTP/1.1 server for {@code com.sun.net.httpserver} handlers, in place of the JDK's
 * {@code HttpServer}. It exists for one thing HttpServer cannot do: let a handler see that its client
 * has gone without writing to it ({@link WireExchange#clientHasLeft}), because here the handler's thread
 * owns the connection's socket. One thread accepts; each connection is served by one thread of the
 * given executor for as long as it lasts (an idle kept connection, too, until its idle timeout).
 */
public final class Http11Server {
  private final ServerSocketChannel listener;
  private final HttpHandler handler;
  private final Executor executor;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean stopping;

  private Http11Server(ServerSocketChannel listener, HttpHandler handler, Executor executor, String threadName) {
    this.listener = listener;
    this.handler = handler;
    this.executor = executor;
    this.acceptor = new Thread(this::acceptUntilStopped, threadName);
    acceptor.setDaemon(true);
  }

  /** Listens on {@code address} and serves every request with {@code handler}, on {@code executor}'s threads. */
  public static Http11Server start(InetSocketAddress address, int backlog, HttpHandler handler, Executor executor,
      String acceptorThreadName) throws IOException {
    ServerSocketChannel listener = ServerSocketChannel.open();
    try {
      listener.bind(address, backlog);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    Http11Server server = new Http11Server(listener, handler, executor, acceptorThreadName);
    server.acceptor.start();
    return server;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) listener.socket().getLocalSocketAddress();
  }

  /**
   * Closes the listener and every connection, idle or busy: a thread blocked reading or writing one
   * gets an exception. Does not wait for the handlers' threads; their executor's owner does.
   */
  public void stop() {
    stopping = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closed is closed.
    }
    connections.forEach(Connection::close);
  }

  boolean isStopping() {
    return stopping;
  }

  private void acceptUntilStopped() {
    while (!stopping) {
      SocketChannel channel;
      try {
        channel = listener.accept();
      } catch (IOException closedOrFailed) {
        if (stopping || !listener.isOpen()) return;
        continue; // Out of file descriptors, say: this client is lost, the next may not be.
      }
      serve(channel);
    }
  }

  private void serve(SocketChannel channel) {
    Connection connection = null;
    try {
      // Nagle's algorithm would hold a small chunk back until the previous one is acknowledged.
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Connection accepted = new Connection(channel, this, handler);
      connection = accepted;
      connections.add(accepted);
      if (stopping) accepted.close(); // stop() may have closed the others before this one was added
      executor.execute(() -> {
        try {
          accepted.run();
        } finally {
          connections.remove(accepted);
        }
      });
    } catch (IOException | RejectedExecutionException e) {
      if (connection != null) connections.remove(connection);
      try {
        channel.close();
      } catch (IOException ignored) {
        // Closed is closed.
      }
    }
  }
}
