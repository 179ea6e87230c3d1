package dev.wirelab.lab02;

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
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Lab 02: bodies sent while they are being made, in the chunked transfer coding.
 * Read labs/lab02-chunked/README.md first.
 *
 * <p>What works already: the request is read and parsed with lab-common (that was Lab 01's lesson),
 * routed, and answered with a status line and header fields; /stream and /download make their bytes,
 * and error pages carry a Content-Length. What is missing is the lesson: every body goes out raw, so
 * only the close tells the client where it ends. Each {@code TODO(lab02)} here and in
 * {@link ChunkedOutputStream} is one rule to add. To see which checks pass:
 * {@code ./wirelab grade lab02 --impl starter} from the repository root.
 */
public class ChunkedServer extends ConnectionServer {
  private static final String CRLF = "\r\n";
  private static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
  private static final int MAX_HEAD_BYTES = 8 * 1024;
  private static final int DOWNLOAD_PIECE_BYTES = 8192; // The lab contract's largest chunk.
  private static final long MAX_DOWNLOAD_BYTES = 64L * 1024 * 1024;

  public ChunkedServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    LabLauncher.run(new ChunkedServer());
  }

  /** One connection, one request, one response. The socket is closed when this returns. */
  @Override
  protected void handle(Socket socket) throws IOException {
    // TODO(lab02): even a flushed chunk can wait in the kernel. Nagle's algorithm holds a small
    //  segment back while an earlier one is unacknowledged, and the client may delay its ACK by 40 ms
    //  or more. socket.setTcpNoDelay(true) lets each flushed chunk leave at once.
    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    String method = "GET"; // until the request line is read, an error page goes out as for a GET
    try {
      Optional<String> head = RequestHead.read(new BufferedInputStream(socket.getInputStream()), MAX_HEAD_BYTES);
      if (head.isEmpty()) return; // The client closed without asking anything.
      RequestLine request = RequestLine.parse(RequestHead.firstLine(head.get()));
      method = request.method();
      respond(request, head.get(), out);
    } catch (RejectedRequest rejected) {
      // A HEAD that is refused still gets no body (RFC 9110 §9.3.2).
      writePage(out, rejected.status(), rejected.reason(), rejected.getMessage(), "", !method.equals("HEAD"));
    }
    out.flush();
    LingeringClose.finish(socket); // Half-close, then drain: Lab 01's way to close without a reset.
  }

  void respond(RequestLine request, String head, OutputStream out) throws IOException, RejectedRequest {
    String method = request.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      writePage(out, 405, "Method Not Allowed", "this resource supports GET, HEAD",
          "Allow: GET, HEAD" + CRLF, true);
      return;
    }
    switch (request.path()) {
      case "/stream" -> {
        int count = (int) request.queryNumber("count", 5, 1, 1000);
        long intervalMillis = request.queryNumber("interval", 1000, 0, 10_000);
        send(request, out, TEXT_PLAIN_UTF8, "", body -> writeMessages(body, count, intervalMillis));
      }
      case "/download" -> {
        if (request.queryParameter("size").isEmpty()) {
          throw new RejectedRequest(400, "Bad Request", "expected /download?size=B but was no size");
        }
        long size = request.queryNumber("size", 0, 0, MAX_DOWNLOAD_BYTES);
        boolean withChecksum = usesChunked(request) && clientAcceptsTrailers(head);
        // TODO(lab02): with a checksum, the header section announces it: "Trailer: X-Content-SHA256"
        //  (RFC 9110 §6.6.2). Without one, neither that field nor any trailer (RFC 9110 §10.1.4).
        String trailerField = "";
        send(request, out, "application/octet-stream", trailerField,
            body -> writeDownload(body, size, withChecksum));
      }
      case "/empty" -> send(request, out, TEXT_PLAIN_UTF8, "", body -> Map.of());
      default -> writePage(out, 404, "Not Found", "no resource at " + request.path(), "", sendsBody(request));
    }
  }

  /** "message 1\n" to "message N\n", one write each, intervalMillis apart. */
  Map<String, String> writeMessages(OutputStream body, int count, long intervalMillis) throws IOException {
    for (int number = 1; number <= count; number++) {
      if (number > 1) sleep(intervalMillis);
      body.write(new byte[0]); // As code that writes an empty prefix or buffer does. Must write nothing.
      body.write(("message " + number + "\n").getBytes(StandardCharsets.UTF_8));
      body.flush(); // The client must see each message now, not when the body ends.
    }
    return Map.of();
  }

  /** {@code size} bytes where byte k is {@code (byte) (k % 256)}, written in pieces of 8192 bytes. */
  Map<String, String> writeDownload(OutputStream body, long size, boolean withChecksum) throws IOException {
    byte[] piece = new byte[DOWNLOAD_PIECE_BYTES];
    long bytesWritten = 0;
    while (bytesWritten < size) {
      int byteCount = (int) Math.min(piece.length, size - bytesWritten);
      for (int i = 0; i < byteCount; i++) piece[i] = (byte) (bytesWritten + i); // Keeps the low 8 bits.
      body.write(piece, 0, byteCount);
      bytesWritten += byteCount;
    }
    // TODO(lab02): with a checksum, return the trailer field "X-Content-SHA256" whose value is the
    //  SHA-256 of every byte of the body in lowercase hex (RFC 9112 §7.1.2). MessageDigest.getInstance(
    //  "SHA-256") digests each piece as you write it (update); HexFormat.of().formatHex(...) makes hex.
    return Map.of();
  }

  boolean clientAcceptsTrailers(String head) {
    // TODO(lab02): true when the request's TE field lists the token "trailers" (RFC 9110 §10.1.4).
    //  RequestHead.fieldValues(head, "TE") gives the values. TE is a comma-separated list, tokens are
    //  case-insensitive, and a member may carry parameters: "TE: gzip;q=0.5, Trailers" says yes.
    return false;
  }

  boolean usesChunked(RequestLine request) {
    // TODO(lab02): chunked for HTTP/1.1 requests: return request.minorVersion() >= 1, once your
    //  ChunkedOutputStream writes chunks. Never for HTTP/1.0 (RFC 9112 §6.1): a 1.0 client cannot
    //  decode chunks, and reads the body, as now, until the close.
    return false;
  }

  boolean sendsBody(RequestLine request) {
    // TODO(lab02): HEAD gets GET's status and header fields, Transfer-Encoding: chunked included, but
    //  no body at all: not even the last-chunk "0\r\n\r\n" (RFC 9110 §9.3.2).
    return true;
  }

  /** Writes a body of a length nobody knows up front; {@code content} returns its trailer fields. */
  void send(RequestLine request, OutputStream out, String contentType, String moreFields, BodyWriter content)
      throws IOException {
    boolean chunked = usesChunked(request);
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 200 OK").append(CRLF);
    head.append("Date: ").append(HttpDate.now()).append(CRLF);
    head.append("Content-Type: ").append(contentType).append(CRLF);
    head.append(moreFields);
    if (chunked) head.append("Transfer-Encoding: chunked").append(CRLF);
    head.append("Connection: close").append(CRLF);
    head.append(CRLF);
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));

    if (!sendsBody(request)) return;
    if (chunked) {
      ChunkedOutputStream body = new ChunkedOutputStream(out);
      Map<String, String> trailers = content.writeTo(body);
      body.finish(trailers);
    } else {
      content.writeTo(out); // No Content-Length, no chunks: the close ends the body (RFC 9112 §6.3).
    }
  }

  /** A short text page with a Content-Length, for errors: its length is known before it is sent. */
  void writePage(OutputStream out, int status, String reason, String message, String moreFields,
      boolean withBody) throws IOException {
    byte[] body = (status + " " + reason + ": " + message + "\n").getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + reason + CRLF
        + "Date: " + HttpDate.now() + CRLF
        + "Content-Type: " + TEXT_PLAIN_UTF8 + CRLF
        + moreFields
        + "Content-Length: " + body.length + CRLF
        + "Connection: close" + CRLF
        + CRLF;
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    if (withBody) out.write(body);
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // The server is closing.
      throw new InterruptedIOException("stopped while waiting to send the next message");
    }
  }

  /** Writes a body to the stream it is given; returns the trailer fields to send after it. */
  @FunctionalInterface
  interface BodyWriter {
    Map<String, String> writeTo(OutputStream body) throws IOException;
  }
}
