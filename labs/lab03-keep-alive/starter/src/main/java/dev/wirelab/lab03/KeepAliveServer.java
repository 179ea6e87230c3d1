package dev.wirelab.lab03;

import dev.wirelab.api.ConnectionServer;
import dev.wirelab.api.LabLauncher;
import dev.wirelab.labs.common.HttpDate;
import dev.wirelab.labs.common.LingeringClose;
import dev.wirelab.labs.common.RejectedRequest;
import dev.wirelab.labs.common.RequestHead;
import dev.wirelab.labs.common.RequestLine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lab 03: many requests on one connection. Read labs/lab03-keep-alive/README.md first.
 *
 * <p>What works already is where Labs 01 and 02 left off: one request per connection. The head is read
 * and parsed with lab-common, routed and answered (/hello, /stream in chunks, /slow, /echo, 404, 405),
 * every response says Connection: close, and the server closes after it. What is missing is the
 * lesson: the connection never carries a second request, and /echo does not even read the request
 * body, so it echoes nothing. Each {@code TODO(lab03)} is one rule to add. To see which checks pass:
 * {@code ./wirelab grade lab03 --impl starter} from the repository root.
 */
public class KeepAliveServer extends ConnectionServer {
  private static final String CRLF = "\r\n";
  private static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
  private static final int MAX_HEAD_BYTES = 8 * 1024;
  private static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final int REQUEST_TIMEOUT_MILLIS = 10_000;
  private static final byte[] HELLO = "Hello, 世界\n".getBytes(StandardCharsets.UTF_8);

  public KeepAliveServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    LabLauncher.run(new KeepAliveServer());
  }

  /** How long a connection may wait for the first byte of its next request: WIRELAB_IDLE_TIMEOUT_MS. */
  int idleTimeoutMillis() {
    return config.setting("IDLE_TIMEOUT_MS").map(Integer::parseInt).orElse(5000);
  }

  /** The most requests one connection may carry: WIRELAB_MAX_REQUESTS. */
  int maxRequests() {
    return config.setting("MAX_REQUESTS").map(Integer::parseInt).orElse(100);
  }

  /** For now: one connection, one request, one response. The socket is closed when this returns. */
  @Override
  protected void handle(Socket socket) throws IOException {
    socket.setTcpNoDelay(true); // Each response leaves at once, not after the client's delayed ACK.
    socket.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    // TODO(lab03): serve requests in a loop, in order, until exchange() says the connection must not
    //  stay (RFC 9112 §9.3). Read them all from ONE BufferedInputStream, created once, before the loop:
    //  a read() takes whatever has arrived, maybe the next request too (pipelining, RFC 9112 §9.3.2),
    //  and a new buffer per request would throw those bytes away with the old one.
    // TODO(lab03): the idle timeout. Before each request, the first one included, wait for its first
    //  byte at most idleTimeoutMillis() (socket.setSoTimeout; in.mark(1), in.read(), in.reset() puts
    //  the byte back). If none comes, or the client closed (-1), just close: no request, no response.
    //  Once a byte is here, set REQUEST_TIMEOUT_MILLIS again: a request that trickles in, or a response
    //  that takes long (/slow?ms=2500), must not be cut by the idle timeout.
    InputStream in = new BufferedInputStream(socket.getInputStream());
    exchange(in, out);
    LingeringClose.finish(socket); // Half-close, then drain: never a bare close with unread input.
  }

  /** Reads one request and answers it; returns whether the connection may stay open after it. */
  boolean exchange(InputStream in, OutputStream out) throws IOException {
    String method = "GET"; // Until the request line is read, an error page goes out as for a GET.
    try {
      Optional<String> head = RequestHead.read(in, MAX_HEAD_BYTES);
      if (head.isEmpty()) return false; // The client closed without asking anything.
      RequestLine request = RequestLine.parse(RequestHead.firstLine(head.get()));
      method = request.method();
      checkFieldLines(request, head.get());
      byte[] body = readBody(in, head.get());
      boolean keepOpen = keepsConnection(request, head.get());
      respond(request, body, connectionFields(keepOpen), out);
      return keepOpen;
    } catch (RejectedRequest rejected) {
      // After a request that could not be read whole, nothing says where the next one starts: close.
      writePage(out, rejected.status(), rejected.reason(), rejected.getMessage(), "Connection: close" + CRLF,
          !method.equals("HEAD"));
      return false;
    }
  }

  void checkFieldLines(RequestLine request, String head) throws RejectedRequest {
    // TODO(lab03): answer 400 (and close) for a field line without a colon, or with whitespace
    //  between the field name and the colon ("Host : x", RFC 9112 §5.1); for an HTTP/1.1 request
    //  without Host, and for any request with more than one (RFC 9112 §3.2). head.split("\r\n") gives
    //  the lines; the first is the request line. RequestHead.fieldValues skips bad lines: it is a
    //  lookup, not a check.
  }

  /** The request body, read whole, so that the next request starts right after it. */
  byte[] readBody(InputStream in, String head) throws IOException, RejectedRequest {
    // TODO(lab03): every request body must be read, all of it, even for a 404 (RFC 9112 §9.3):
    //  unread, it is parsed as the next request. Decide how it ends as RFC 9112 §6.3 says, in order:
    //  - both Transfer-Encoding and Content-Length: 400 (§6.1; this is how request smuggling looks);
    //  - Transfer-Encoding: its final coding must be chunked, else 400. Decode the chunks (§7.1): a
    //    size line in hex (ignore ";extensions"), exactly that many bytes, CRLF; size 0 is the last
    //    chunk, then trailer lines up to an empty line. A size that is empty, not hex or too big, or a
    //    missing CRLF after the data: 400;
    //  - Content-Length: decimal digits only, else 400; then exactly that many bytes, however many
    //    reads they take (InputStream.readNBytes);
    //  - neither: no body at all (rule 7).
    //  Over MAX_BODY_BYTES: 413. RequestHead.fieldValues(head, "Content-Length") gives the values.
    return new byte[0];
  }

  boolean keepsConnection(RequestLine request, String head) {
    // TODO(lab03): whether the connection stays open after this response (RFC 9112 §9.3, §9.6).
    //  HTTP/1.1: yes, unless the Connection field lists the option "close" (a comma-separated list,
    //  case-insensitive: "Connection: keep-alive, Close" lists it). HTTP/1.0: only if Connection lists
    //  "keep-alive". Never after a body that the close delimits (/stream to HTTP/1.0), and never after
    //  the maxRequests()-th request on the connection: count them in your loop.
    return false;
  }

  String connectionFields(boolean keepOpen) {
    // TODO(lab03): a response that keeps the connection says so: "Connection: keep-alive" and
    //  "Keep-Alive: timeout=S, max=M", S the idle timeout in whole seconds, M the requests the
    //  connection will still take after this one (MAX_REQUESTS=25: max=24 on the first response).
    return keepOpen ? "" : "Connection: close" + CRLF;
  }

  void respond(RequestLine request, byte[] body, String connectionFields, OutputStream out)
      throws IOException, RejectedRequest {
    String method = request.method();
    boolean getOrHead = method.equals("GET") || method.equals("HEAD");
    boolean withBody = !method.equals("HEAD"); // HEAD: GET's fields, no body (RFC 9110 §9.3.2).
    switch (request.path()) {
      case "/hello" -> {
        if (!getOrHead) {
          methodNotAllowed(out, "GET, HEAD", connectionFields, withBody);
        } else {
          send(out, 200, "OK", TEXT_PLAIN_UTF8, HELLO, connectionFields, withBody);
        }
      }
      case "/stream" -> {
        if (!getOrHead) {
          methodNotAllowed(out, "GET, HEAD", connectionFields, withBody);
          return;
        }
        int count = (int) request.queryNumber("count", 5, 1, 1000);
        long intervalMillis = request.queryNumber("interval", 1000, 0, 10_000);
        stream(out, request.minorVersion() >= 1, count, intervalMillis, connectionFields, withBody);
      }
      case "/slow" -> {
        if (!getOrHead) {
          methodNotAllowed(out, "GET, HEAD", connectionFields, withBody);
          return;
        }
        long millis = request.queryNumber("ms", 1000, 0, 10_000);
        sleep(millis);
        byte[] text = ("slept " + millis + " ms\n").getBytes(StandardCharsets.UTF_8);
        send(out, 200, "OK", TEXT_PLAIN_UTF8, text, connectionFields, withBody);
      }
      case "/echo" -> {
        if (!method.equals("POST")) {
          methodNotAllowed(out, "POST", connectionFields, withBody);
        } else {
          send(out, 200, "OK", "application/octet-stream", body, connectionFields, true);
        }
      }
      default -> writePage(out, 404, "Not Found", "no resource at " + request.path(), connectionFields, withBody);
    }
  }

  /** "message 1\n" to "message N\n", one chunk each; to HTTP/1.0 raw, ended by the close. */
  void stream(OutputStream out, boolean chunked, int count, long intervalMillis, String connectionFields,
      boolean withBody) throws IOException {
    String head = "HTTP/1.1 200 OK" + CRLF
        + "Date: " + HttpDate.now() + CRLF
        + "Content-Type: " + TEXT_PLAIN_UTF8 + CRLF
        + (chunked ? "Transfer-Encoding: chunked" + CRLF : "")
        + connectionFields
        + CRLF;
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    if (withBody) {
      ChunkedOutputStream chunks = chunked ? new ChunkedOutputStream(out) : null;
      OutputStream body = chunked ? chunks : out;
      for (int number = 1; number <= count; number++) {
        if (number > 1) sleep(intervalMillis);
        body.write(("message " + number + "\n").getBytes(StandardCharsets.UTF_8));
        body.flush();
      }
      if (chunked) chunks.finish();
    }
    out.flush();
  }

  void methodNotAllowed(OutputStream out, String allowed, String connectionFields, boolean withBody)
      throws IOException {
    writePage(out, 405, "Method Not Allowed", "this resource supports " + allowed,
        "Allow: " + allowed + CRLF + connectionFields, withBody);
  }

  /** A short text page, for errors. */
  void writePage(OutputStream out, int status, String reason, String message, String moreFields,
      boolean withBody) throws IOException {
    byte[] body = (status + " " + reason + ": " + message + "\n").getBytes(StandardCharsets.UTF_8);
    send(out, status, reason, TEXT_PLAIN_UTF8, body, moreFields, withBody);
  }

  /** A response whose body is known in full: Content-Length counts its bytes (Lab 01). */
  void send(OutputStream out, int status, String reason, String contentType, byte[] body, String moreFields,
      boolean withBody) throws IOException {
    String head = "HTTP/1.1 " + status + " " + reason + CRLF
        + "Date: " + HttpDate.now() + CRLF
        + "Content-Type: " + contentType + CRLF
        + "Content-Length: " + body.length + CRLF
        + moreFields
        + CRLF;
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    if (withBody) out.write(body);
    out.flush();
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // The server is closing.
      throw new InterruptedIOException("stopped while waiting");
    }
  }
}
