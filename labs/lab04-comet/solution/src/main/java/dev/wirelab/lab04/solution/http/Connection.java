package dev.wirelab.lab04.solution.http;

import com.sun.net.httpserver.HttpHandler;
import dev.wirelab.labs.common.HttpDate;
import dev.wirelab.labs.common.LingeringClose;
import dev.wirelab.labs.common.RejectedRequest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One client's connection, served by one thread for as long as it lasts: wait for a request, read it
 * whole, let the handler answer it, and again, until the client, the response or the idle timeout ends
 * the connection.
 */
final class Connection implements Runnable {
  /** How long a kept connection may wait for the next request; HttpServer's default idle interval. */
  static final int IDLE_TIMEOUT_MILLIS = 30_000;
  /** How long each read of a request that has begun may wait for more of it. */
  static final int REQUEST_TIMEOUT_MILLIS = 10_000;
  private static final int WIRE_BUFFER_BYTES = 4 * 1024; // a full chunk (4 KiB and framing) skips it

  private final SocketChannel channel;
  private final Http11Server server;
  private final HttpHandler handler;
  private final ConnectionInput in;
  private final OutputStream out;

  Connection(SocketChannel channel, Http11Server server, HttpHandler handler) throws IOException {
    this.channel = channel;
    this.server = server;
    this.handler = handler;
    this.in = new ConnectionInput(channel);
    this.out = new BufferedOutputStream(channel.socket().getOutputStream(), WIRE_BUFFER_BYTES);
  }

  @Override
  public void run() {
    try {
      while (!isStopping() && in.awaitRequest(IDLE_TIMEOUT_MILLIS)) {
        in.setTimeout(REQUEST_TIMEOUT_MILLIS);
        Optional<Request> request;
        try {
          request = RequestReader.read(in, out);
        } catch (RejectedRequest rejected) {
          reject(rejected);
          return;
        }
        if (request.isEmpty() || !serve(new WireExchange(request.get(), this))) return;
      }
    } catch (IOException clientGoneOrServerStopping) {
      // Nothing is left to answer on this connection.
    } finally {
      close();
    }
  }

  /** Runs the handler; true when the connection may carry the next request. */
  private boolean serve(WireExchange exchange) throws IOException {
    try {
      handler.handle(exchange);
    } catch (IOException | RuntimeException e) {
      // HttpServer's way: a handler that failed gets its connection closed, with a 500 if nothing was sent yet.
      if (!exchange.responseStarted()) {
        exchange.getResponseHeaders().set("Connection", "close");
        sendError(exchange, e);
      }
    } finally {
      exchange.close();
    }
    return exchange.connectionPersists();
  }

  private static void sendError(WireExchange exchange, Exception e) {
    byte[] reason = ("the server failed: " + e + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      exchange.getResponseHeaders().set("Content-type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(500, reason.length);
      exchange.getResponseBody().write(reason);
    } catch (IOException clientGone) {
      // Nobody to tell.
    }
  }

  /**
   * A request this server cannot read to its end: the status it deserves, then the close (RFC 9112
   * §9.6), lingering, since unread input closed at once becomes a reset that can destroy the answer.
   */
  private void reject(RejectedRequest rejected) throws IOException {
    byte[] body = (rejected.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + rejected.status() + " " + rejected.reason() + "\r\n"
        + "Date: " + HttpDate.now() + "\r\n"
        + "Content-type: text/plain; charset=utf-8\r\n"
        + "Content-length: " + body.length + "\r\n"
        + "Connection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
    LingeringClose.finish(channel.socket());
  }

  ConnectionInput input() {
    return in;
  }

  OutputStream output() {
    return out;
  }

  boolean isStopping() {
    return server.isStopping();
  }

  InetSocketAddress remoteAddress() {
    return (InetSocketAddress) channel.socket().getRemoteSocketAddress();
  }

  InetSocketAddress localAddress() {
    return (InetSocketAddress) channel.socket().getLocalSocketAddress();
  }

  /** Closes the socket; a thread blocked on it, reading or writing, gets an exception and returns. */
  void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closed is closed.
    }
  }
}
