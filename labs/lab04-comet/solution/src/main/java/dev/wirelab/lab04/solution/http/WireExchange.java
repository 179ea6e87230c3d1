package dev.wirelab.lab04.solution.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.wirelab.labs.common.HttpDate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * One request and its response on a {@link Connection}, behind the JDK's {@code HttpExchange} API, so
 * that handlers written for {@code com.sun.net.httpserver} run unchanged, with HttpServer's meaning of
 * {@link #sendResponseHeaders}. One thing more: {@link #clientHasLeft()}.
 */
public final class WireExchange extends HttpExchange {
  private final Request request;
  private final Connection connection;
  private final Headers responseHeaders = new Headers();
  private final Map<String, Object> attributes = new HashMap<>();
  private final OutputStream responseBody = new BodyStream();
  private int responseCode = -1;
  private ResponseBody body; // null until the head is sent
  private boolean persists;
  private boolean closed;

  WireExchange(Request request, Connection connection) {
    this.request = request;
    this.connection = connection;
  }

  /**
   * Whether the client has closed its side of the connection, found without writing to it and without
   * blocking (see {@link ConnectionInput#clientHasClosed}). HttpServer cannot tell: there, a handler
   * learns it only when a write fails, which on TCP is the second write after the client's FIN.
   */
  public boolean clientHasLeft() {
    return connection.input().clientHasClosed();
  }

  @Override
  public void sendResponseHeaders(int status, long length) throws IOException {
    if (body != null) throw new IOException("headers already sent: " + responseCode); // as HttpServer says it
    if (status < 100 || status > 999) throw new IllegalArgumentException("status not three digits: " + status);
    if (length < -1) throw new IllegalArgumentException("length < -1: " + length);
    ResponseFraming framing = ResponseFraming.of(status, length, request.line().minorVersion());
    persists = persists(framing);
    responseHeaders.set("Date", HttpDate.now());
    responseHeaders.remove("Content-length");
    responseHeaders.remove("Transfer-encoding");
    switch (framing) {
      case CHUNKED -> responseHeaders.set("Transfer-encoding", "chunked");
      case FIXED_LENGTH -> responseHeaders.set("Content-length", Long.toString(Math.max(length, 0)));
      case NONE, CLOSE_DELIMITED -> { }
    }
    if (!persists) responseHeaders.set("Connection", "close");
    else if (request.line().minorVersion() == 0) responseHeaders.set("Connection", "keep-alive");
    responseCode = status;
    OutputStream wire = connection.output();
    body = ResponseBody.of(framing, length, request.method().equals("HEAD"), wire);
    wire.write(ResponseHead.encode(status, responseHeaders));
    // A streamed body's client learns of the response at once; a fixed one leaves with its body.
    if (framing != ResponseFraming.FIXED_LENGTH || request.method().equals("HEAD")) wire.flush();
  }

  /**
   * Whether the connection carries another request after this response, decided before the head goes
   * out so that the head can say so (RFC 9112 §9.6: a server that will close SHOULD send close).
   */
  private boolean persists(ResponseFraming framing) {
    if (framing == ResponseFraming.CLOSE_DELIMITED) return false; // The close is the body's end.
    if (connection.isStopping() || request.hasConnectionOption("close")) return false;
    if ("close".equalsIgnoreCase(responseHeaders.getFirst("Connection"))) return false;
    if (request.line().minorVersion() == 0) return request.hasConnectionOption("keep-alive"); // RFC 9112 §9.3
    return true;
  }

  /** Ends the response as its framing says; without a response the connection just closes. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    if (body == null) {
      persists = false;
      return;
    }
    try {
      if (!body.finish()) persists = false;
    } catch (IOException clientGone) {
      persists = false;
    }
  }

  /** After {@link #close}: whether the connection may read the next request. */
  boolean connectionPersists() {
    return closed && persists;
  }

  boolean responseStarted() {
    return body != null;
  }

  @Override
  public Headers getRequestHeaders() {
    return request.headers();
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return request.uri();
  }

  @Override
  public String getRequestMethod() {
    return request.method();
  }

  @Override
  public InputStream getRequestBody() {
    return new ByteArrayInputStream(request.body());
  }

  /** Valid before {@link #sendResponseHeaders} too, as HttpServer's is; closing it ends the exchange. */
  @Override
  public OutputStream getResponseBody() {
    return responseBody;
  }

  @Override
  public int getResponseCode() {
    return responseCode;
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return connection.remoteAddress();
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return connection.localAddress();
  }

  @Override
  public String getProtocol() {
    return request.line().version();
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  /** There are no contexts: one handler serves every path. */
  @Override
  public HttpContext getHttpContext() {
    throw new UnsupportedOperationException("no contexts here: one handler serves every path");
  }

  /** There are no filters to wrap the streams. */
  @Override
  public void setStreams(InputStream in, OutputStream out) {
    throw new UnsupportedOperationException("no filters here to wrap the streams");
  }

  /** Nobody is authenticated. */
  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }

  /** The response body as the handler sees it: the framing's stream once the head is out. */
  private final class BodyStream extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      started().write(b);
    }

    @Override
    public void write(byte[] data, int offset, int byteCount) throws IOException {
      started().write(data, offset, byteCount);
    }

    @Override
    public void flush() throws IOException {
      started().flush();
    }

    @Override
    public void close() {
      WireExchange.this.close();
    }

    private ResponseBody started() throws IOException {
      if (body == null) throw new IOException("expected sendResponseHeaders before the body");
      if (closed) throw new IOException("expected no writes after the exchange was closed");
      return body;
    }
  }
}
