package dev.wirelab.lab03.solution;

import dev.wirelab.api.ConnectionServer;
import dev.wirelab.api.LabConfig;
import dev.wirelab.api.LabLauncher;
import dev.wirelab.labs.common.LingeringClose;
import dev.wirelab.labs.common.RejectedRequest;
import dev.wirelab.labs.common.RequestLine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;

/**
 * Lab 03's reference: many requests on one connection (RFC 9112 §9.3). Each request is read whole,
 * body included, from the one buffered stream the connection keeps; answered in order; and then the
 * connection either waits for the next request, at most the idle timeout, or closes cleanly.
 *
 * <p>Each decision is one protected method; so are the rules of reading a request, in
 * {@link RequestReader}, and the resources, in {@link Resources}, which a subclass reaches through
 * {@link #requestReader} and {@link #resources}. A mutant ({@code mutants/}) is a subclass that gets
 * exactly one of them wrong.
 */
public class ReferenceServer extends ConnectionServer {
  public static final String IDLE_TIMEOUT_MS = "IDLE_TIMEOUT_MS";
  public static final String MAX_REQUESTS = "MAX_REQUESTS";
  protected static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 5_000;
  protected static final int DEFAULT_MAX_REQUESTS = 100;
  /** Once a request's first byte is here, each read of the rest may take this long (then 408). */
  protected static final int REQUEST_TIMEOUT_MILLIS = 10_000;
  private static final int WIRE_BUFFER_BYTES = 16 * 1024;

  private int idleTimeoutMillis = DEFAULT_IDLE_TIMEOUT_MILLIS;
  private int maxRequests = DEFAULT_MAX_REQUESTS;

  public ReferenceServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    LabLauncher.run(new ReferenceServer());
  }

  @Override
  public void start(LabConfig config) throws IOException {
    idleTimeoutMillis = positiveSetting(config, IDLE_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MILLIS);
    maxRequests = positiveSetting(config, MAX_REQUESTS, DEFAULT_MAX_REQUESTS);
    super.start(config);
  }

  private static int positiveSetting(LabConfig config, String name, int defaultValue) {
    int value = config.setting(name).map(String::strip).map(Integer::parseInt).orElse(defaultValue);
    if (value <= 0) throw new IllegalArgumentException(LabConfig.ENV_PREFIX + name + " <= 0: " + value);
    return value;
  }

  /** How long a connection may wait, between requests, for the first byte of the next one. */
  public int idleTimeoutMillis() {
    return idleTimeoutMillis;
  }

  /** The most requests one connection carries. */
  public int maxRequests() {
    return maxRequests;
  }

  /** The connection loop: wait for a request, read it whole, answer it; again, until one ends it. */
  @Override
  protected void handle(Socket socket) throws IOException {
    // Nagle's algorithm would hold a small response back while the previous one is unacknowledged; a
    // pipelining client would wait for the delayed ACK before every answer but the first.
    socket.setTcpNoDelay(true);
    Connection connection = new Connection(socket, new BufferedInputStream(socket.getInputStream()),
        new BufferedOutputStream(socket.getOutputStream(), WIRE_BUFFER_BYTES));
    RequestReader reader = requestReader();
    while (true) {
      InputStream in = streamForNextRequest(connection);
      if (!awaitRequest(connection, in)) return; // Idle too long, or the client closed: nothing to answer.
      boolean persistent;
      try {
        Optional<Request> request = reader.read(in, connection.wire());
        if (request.isEmpty()) return;
        connection.countRequest();
        persistent = answer(connection, request.get());
      } catch (RejectedRequest rejected) {
        persistent = reject(connection, rejected);
      }
      if (!readsNextRequest(persistent)) {
        closeAfterResponse(socket);
        return;
      }
    }
  }

  /**
   * RFC 9112 §9.6: the response said close, so close; but never with unread input, whose reset could
   * destroy the response before the client has read it: half-close, drain, then close.
   */
  protected void closeAfterResponse(Socket socket) throws IOException {
    LingeringClose.finish(socket);
  }

  /** After a response: read the next request exactly when the response said the connection stays. */
  protected boolean readsNextRequest(boolean persistent) {
    return persistent;
  }

  /** Every request is read from the connection's one buffered stream: what it holds is the next request. */
  protected InputStream streamForNextRequest(Connection connection) throws IOException {
    return connection.in();
  }

  /**
   * Waits for the first byte of the next request, at most {@link #idleWaitMillis}; true once it is
   * here (and still unread). Then the idle timer is over: the rest of the request gets
   * {@link #REQUEST_TIMEOUT_MILLIS} per read, and the response all the time it needs.
   */
  protected boolean awaitRequest(Connection connection, InputStream in) throws IOException {
    Socket socket = connection.socket();
    socket.setSoTimeout(idleWaitMillis());
    in.mark(1);
    try {
      if (in.read() == -1) return false; // The client closed between requests, as it may.
    } catch (SocketTimeoutException idle) {
      idleTimedOut(connection);
      return false;
    }
    in.reset();
    socket.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
    return true;
  }

  /** The idle timeout as the socket applies it; Keep-Alive announces {@link #idleTimeoutMillis}. */
  protected int idleWaitMillis() {
    return idleTimeoutMillis;
  }

  /**
   * RFC 9112 §9.5: a server may close an idle connection at any time, and here it simply closes: no
   * request is pending, so there is nobody to answer. A client that sent one just now sees the close
   * before any response and may retry it (RFC 9112 §9.3.1).
   */
  protected void idleTimedOut(Connection connection) throws IOException {}

  /** Answers one request read whole; returns whether the connection stays open after it. */
  protected boolean answer(Connection connection, Request request) throws IOException {
    return send(connection, request, resources().respond(request));
  }

  /** Decides the framing and whether the connection stays, then writes the response and flushes it. */
  protected boolean send(Connection connection, Request request, Response response) throws IOException {
    Framing framing = framingFor(response, request.line());
    boolean persistent = persistent(request, framing, connection.requestCount());
    Response withConnectionFields = response.withFields(connectionFields(persistent, connection.requestCount()));
    write(connection.wire(), withConnectionFields, framing, sendsBody(request.method()));
    return persistent;
  }

  /** A request that could not be read whole: its answer, and whether the connection stays. */
  private boolean reject(Connection connection, RejectedRequest rejected) throws IOException {
    boolean persistent = !closesAfterRejecting(rejected);
    Response page = Response.page(rejected.status(), rejected.reason(), rejected.getMessage())
        .withFields(connectionFields(persistent, connection.requestCount()));
    write(connection.wire(), page, Framing.CONTENT_LENGTH, true);
    return persistent;
  }

  /**
   * Always: after a request the server could not read whole, the next byte may be anywhere in it, or
   * in a smuggled request. Only closing is safe (RFC 9112 §6.3 rules 4 and 5, §11.2).
   */
  protected boolean closesAfterRejecting(RejectedRequest rejected) {
    return true;
  }

  /**
   * Whether the connection stays open after this response (RFC 9112 §9.3): yes for HTTP/1.1, unless the
   * client says close (§9.6), the body ends with the close, or this server will take no more requests.
   * HTTP/1.0 closes unless the client asked to keep it (Appendix C.2.2).
   */
  protected boolean persistent(Request request, Framing framing, int requestCount) {
    if (framing == Framing.CLOSE_DELIMITED) return false; // Rule 8 of §6.3: the close IS the end of the body.
    if (asksToClose(request)) return false;
    // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 request means faulty framing; close after it.
    if (request.line().minorVersion() == 0 && request.hasField("Transfer-Encoding")) return false;
    if (requestLimitReached(requestCount)) return false;
    return persistentByDefault(request.line()) || asksToKeepAlive(request);
  }

  /** RFC 9112 §9.6: the close option means this is the connection's last request. */
  protected boolean asksToClose(Request request) {
    return request.hasConnectionOption("close");
  }

  /** RFC 9112 §9.3: from HTTP/1.1 on, a connection persists unless one side says otherwise. */
  protected boolean persistentByDefault(RequestLine line) {
    return line.minorVersion() >= 1;
  }

  /** RFC 9112 Appendix C.2.2: an HTTP/1.0 client asks to keep the connection with the keep-alive option. */
  protected boolean asksToKeepAlive(Request request) {
    return request.hasConnectionOption("keep-alive");
  }

  /** This server's own limit, which it announces in Keep-Alive and enforces by closing. */
  protected boolean requestLimitReached(int requestCount) {
    return requestCount >= maxRequests;
  }

  /**
   * The fields about the connection (RFC 9112 §9.6, RFC 9110 §7.6.1): Connection: close on the last
   * response; otherwise Keep-Alive with its limits, named in Connection as a field about this
   * connection must be. An HTTP/1.0 client needs the keep-alive option to keep the connection at all.
   */
  protected List<Field> connectionFields(boolean persistent, int requestCount) {
    if (!persistent) return List.of(new Field("Connection", "close"));
    return List.of(new Field("Connection", "keep-alive"), new Field("Keep-Alive", keepAlive(requestCount)));
  }

  /** {@code timeout=S, max=M}: seconds idle before the close, and requests left after this one. */
  protected String keepAlive(int requestCount) {
    return "timeout=" + idleTimeoutMillis / 1000 + ", max=" + Math.max(0, maxRequests - requestCount);
  }

  /**
   * How the client will find the end of the body, in the order of RFC 9112 §6.3: chunked (rule 4) for
   * content produced while it is sent, if the client can decode it (§6.1: not HTTP/1.0); Content-Length
   * (rule 6) for content known in full; otherwise the close (rule 8), which ends the connection.
   */
  protected Framing framingFor(Response response, RequestLine request) {
    boolean lengthKnown = response.body().length().isPresent();
    if (!lengthKnown && request.minorVersion() >= 1) return Framing.CHUNKED;
    if (lengthKnown) return Framing.CONTENT_LENGTH;
    return Framing.CLOSE_DELIMITED;
  }

  /** RFC 9110 §9.3.2: HEAD gets GET's status and header fields, and no body at all. */
  protected boolean sendsBody(String method) {
    return !method.equals("HEAD");
  }

  /** Writes the head and (unless told not to) the body, framed as {@code framing} says; flushes. */
  protected void write(OutputStream wire, Response response, Framing framing, boolean withBody) throws IOException {
    wire.write(response.head(framing));
    if (withBody && framing == Framing.CHUNKED) {
      ChunkedOutputStream chunked = chunkedBody(wire);
      response.body().writeTo(chunked);
      chunked.finish();
    } else if (withBody) {
      response.body().writeTo(wire);
    }
    wire.flush();
  }

  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(wire);
  }

  protected RequestReader requestReader() {
    return new RequestReader();
  }

  protected Resources resources() {
    return new Resources();
  }
}
