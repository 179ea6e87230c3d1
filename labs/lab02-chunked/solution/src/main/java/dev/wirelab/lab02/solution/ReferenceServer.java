package dev.wirelab.lab02.solution;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Lab 02's reference: bodies produced while they are sent, in the chunked transfer coding
 * (RFC 9112 §7.1) to HTTP/1.1 clients and delimited by the close for HTTP/1.0 ones. One request per
 * connection; every response says Connection: close, and the server closes after it.
 *
 * <p>Each decision is one protected method, and so is each rule of the chunk layout in
 * {@link ChunkedOutputStream}, which a subclass reaches through {@link #chunkedBody}. A mutant (see
 * {@code mutants/}) is a subclass that gets exactly one of them wrong.
 */
public class ReferenceServer extends ConnectionServer {
  protected static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
  protected static final String OCTET_STREAM = "application/octet-stream";
  protected static final String ALLOWED_METHODS = "GET, HEAD";
  protected static final String CHECKSUM_TRAILER = "X-Content-SHA256";
  protected static final int MAX_HEAD_BYTES = 8 * 1024;
  protected static final long MAX_DOWNLOAD_BYTES = 64L * 1024 * 1024;
  private static final int HEAD_READ_TIMEOUT_MILLIS = 10_000;
  private static final int WIRE_BUFFER_BYTES = 16 * 1024;
  private static final String CRLF = "\r\n";
  // Until the request line is parsed, an error page is sent as if to a GET from an HTTP/1.1 client.
  private static final RequestLine UNPARSED = new RequestLine("GET", "/", "HTTP/1.1");

  public ReferenceServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    LabLauncher.run(new ReferenceServer());
  }

  @Override
  protected void handle(Socket socket) throws IOException {
    socket.setSoTimeout(HEAD_READ_TIMEOUT_MILLIS);
    // Nagle's algorithm holds back a small segment while an earlier one is unacknowledged, and the
    // client's delayed ACK can keep it waiting 40 ms or more: a 10-byte chunk flushed now must leave now.
    socket.setTcpNoDelay(true);
    // Gathers a chunk's size line, data and CRLF into one segment; every flush empties it to the socket.
    OutputStream wire = new BufferedOutputStream(socket.getOutputStream(), WIRE_BUFFER_BYTES);
    RequestLine requestLine = UNPARSED;
    Response response;
    try {
      Optional<String> head = RequestHead.read(new BufferedInputStream(socket.getInputStream()), MAX_HEAD_BYTES);
      if (head.isEmpty()) return; // The client closed without asking anything: nobody to answer.
      requestLine = RequestLine.parse(RequestHead.firstLine(head.get()));
      response = respond(new Request(requestLine, head.get()));
    } catch (RejectedRequest rejected) {
      response = Response.page(rejected.status(), rejected.reason(), rejected.getMessage());
    }
    writeResponse(response, framingFor(response, requestLine), sendsBody(requestLine.method()), wire);
    LingeringClose.finish(socket);
  }

  protected Response respond(Request request) throws RejectedRequest {
    // The method is checked first: every resource here supports exactly GET and HEAD.
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) return methodNotAllowed();
    RequestLine line = request.line();
    return switch (line.path()) {
      case "/stream" -> stream(request,
          (int) line.queryNumber("count", 5, 1, 1000), line.queryNumber("interval", 1000, 0, 10_000));
      case "/download" -> download(request, downloadSize(line));
      case "/empty" -> empty();
      default -> notFound(line.path());
    };
  }

  /** The contract has no default size: /download without one is a bad request. */
  private static long downloadSize(RequestLine line) throws RejectedRequest {
    if (line.queryParameter("size").isEmpty()) {
      throw new RejectedRequest(400, "Bad Request", "expected /download?size=B but was no size");
    }
    return line.queryNumber("size", 0, 0, MAX_DOWNLOAD_BYTES);
  }

  /** {@code message 1\n} to {@code message N\n}, each its own chunk, sent the moment it is made. */
  protected Response stream(Request request, int count, long intervalMillis) {
    return Response.of(200, "OK", TEXT_PLAIN_UTF8, Body.produced(body -> {
      for (int number = 1; number <= count; number++) {
        if (number > 1) pause(intervalMillis);
        // As code that writes an empty prefix or an empty buffer does: a correct chunked stream writes
        // nothing for it, since a zero-size chunk is the last-chunk (RFC 9112 §7.1).
        body.write(new byte[0]);
        writeMessage(body, "message " + number + "\n");
      }
      return List.of();
    }));
  }

  /** One message, one write, one chunk; flushed, because a chunk in a buffer has not been sent. */
  protected void writeMessage(OutputStream body, String message) throws IOException {
    body.write(message.getBytes(StandardCharsets.UTF_8));
    body.flush();
  }

  /** The gap between two /stream messages. */
  protected void pause(long intervalMillis) throws IOException {
    try {
      Thread.sleep(intervalMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // The server is closing (ConnectionServer.close interrupts).
      throw new InterruptedIOException("stopped while waiting to send the next message");
    }
  }

  /**
   * {@code size} bytes, byte k being {@code (byte) (k % 256)}, in chunks of {@link #maxChunkSize}.
   * Produced as it is sent, so that a SHA-256 computed on the way can follow as a trailer field.
   */
  protected Response download(Request request, long size) {
    boolean withChecksum = sendsChecksumTrailer(request);
    Response response = Response.of(200, "OK", OCTET_STREAM,
        Body.produced(body -> writeDownload(body, size, withChecksum)));
    // RFC 9110 §6.6.2: the header section names the trailer fields to come.
    return withChecksum && announcesTrailer() ? response.withField("Trailer", CHECKSUM_TRAILER) : response;
  }

  private List<Field> writeDownload(OutputStream body, long size, boolean withChecksum) throws IOException {
    MessageDigest sha256 = newSha256();
    byte[] buffer = new byte[(int) Math.min(maxChunkSize(), size)];
    long bytesWritten = 0;
    while (bytesWritten < size) {
      int byteCount = (int) Math.min(buffer.length, size - bytesWritten);
      for (int i = 0; i < byteCount; i++) buffer[i] = (byte) (bytesWritten + i); // Keeps the low 8 bits.
      writeDownloadChunk(body, buffer, byteCount);
      sha256.update(buffer, 0, byteCount);
      bytesWritten += byteCount;
    }
    return withChecksum ? List.of(new Field(CHECKSUM_TRAILER, checksum(sha256))) : List.of();
  }

  /** One write, one chunk: the first {@code byteCount} bytes of the buffer, which may be only partly filled. */
  protected void writeDownloadChunk(OutputStream body, byte[] buffer, int byteCount) throws IOException {
    body.write(buffer, 0, byteCount);
  }

  /** The lab contract's chunk size for /download; RFC 9112 §7.1 itself allows any size. */
  protected int maxChunkSize() {
    return 8192;
  }

  /** A trailer needs a chunked body (RFC 9112 §7.1.2); sending it only when asked is this lab's contract. */
  protected boolean sendsChecksumTrailer(Request request) {
    return usesChunked(request.line()) && acceptsTrailers(request);
  }

  /**
   * RFC 9110 §10.1.4: {@code TE: trailers} says the client will not drop trailer fields. TE is a
   * comma-separated list whose members may carry parameters ({@code gzip;q=0.5}); tokens are
   * case-insensitive.
   */
  protected boolean acceptsTrailers(Request request) {
    for (String value : request.fieldValues("TE")) {
      for (String member : value.split(",")) {
        if (member.split(";", 2)[0].strip().equalsIgnoreCase("trailers")) return true;
      }
    }
    return false;
  }

  /** RFC 9110 §6.6.2: a sender SHOULD announce in a Trailer field the trailer fields it will send. */
  protected boolean announcesTrailer() {
    return true;
  }

  /** The X-Content-SHA256 value: the digest of every byte sent, in lowercase hex. */
  protected String checksum(MessageDigest sha256) {
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must have SHA-256", e);
    }
  }

  /** A body with no data chunks at all: on the wire, exactly the last-chunk and final CRLF. */
  protected Response empty() {
    return Response.of(200, "OK", TEXT_PLAIN_UTF8, Body.produced(body -> List.of()));
  }

  /** RFC 9110 §15.5.5: a missing resource is a 404, with a page that says so. */
  protected Response notFound(String path) {
    return Response.page(404, "Not Found", "no resource at " + path);
  }

  /** RFC 9110 §15.5.6: a 405 must say which methods the resource does support. */
  protected Response methodNotAllowed() {
    return Response.page(405, "Method Not Allowed", "this resource supports " + ALLOWED_METHODS)
        .withField("Allow", ALLOWED_METHODS);
  }

  /**
   * How the client will find the end of the body, decided once, in the order of RFC 9112 §6.3:
   * chunked (rule 4) for content produced while it is sent, if the client can decode it; Content-Length
   * (rule 6) for content known in full; otherwise the close (rule 8), which every client understands.
   */
  protected Framing framingFor(Response response, RequestLine request) {
    boolean lengthKnown = response.body().length().isPresent();
    if (!lengthKnown && usesChunked(request)) return Framing.CHUNKED;
    if (lengthKnown) return Framing.CONTENT_LENGTH;
    return Framing.CLOSE_DELIMITED;
  }

  /**
   * RFC 9112 §6.1: a server must not send Transfer-Encoding to a client whose request says HTTP/1.0,
   * which cannot decode chunked and would take the chunk sizes for content.
   */
  protected boolean usesChunked(RequestLine request) {
    return request.minorVersion() >= 1;
  }

  /** RFC 9110 §9.3.2: HEAD gets GET's status and header fields, and no body at all. */
  protected boolean sendsBody(String method) {
    return !method.equals("HEAD");
  }

  /**
   * Writes the status line, the header fields, the empty line and (unless told not to) the body, framed
   * as {@code framing} says, and flushes.
   */
  protected void writeResponse(Response response, Framing framing, boolean withBody, OutputStream wire)
      throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(httpVersion()).append(' ').append(response.status()).append(' ').append(response.reason())
        .append(CRLF);
    appendField(head, "Date", HttpDate.now());
    for (Field field : response.fields()) appendField(head, field.name(), field.value());
    switch (framing) {
      case CHUNKED -> appendField(head, "Transfer-Encoding", "chunked");
      case CONTENT_LENGTH ->
          appendField(head, "Content-Length", Long.toString(response.body().length().orElseThrow()));
      case CLOSE_DELIMITED -> { } // Neither field: the close ends the body.
    }
    appendField(head, "Connection", "close"); // RFC 9112 §9.6: the server closes after this response.
    head.append(CRLF);
    wire.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));

    if (withBody) {
      writeBody(response.body(), framing, wire);
    } else {
      omitBody(framing, wire);
    }
    wire.flush();
  }

  private void appendField(StringBuilder head, String name, String value) {
    head.append(name).append(": ").append(value).append(CRLF);
  }

  private void writeBody(Body body, Framing framing, OutputStream wire) throws IOException {
    if (framing == Framing.CHUNKED) {
      ChunkedOutputStream chunked = chunkedBody(wire);
      List<Field> trailers = body.writeTo(chunked);
      chunked.finish(trailers);
    } else {
      body.writeTo(wire); // Only a chunked body has a trailer section; the routes ask for none here.
    }
  }

  /** The chunked stream a body is written through; {@link ChunkedOutputStream} draws its bytes. */
  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(wire);
  }

  /**
   * What a response without a body writes after its header section: nothing. RFC 9110 §9.3.2: a HEAD
   * response announces Transfer-Encoding: chunked like GET's, yet carries not even the last-chunk.
   */
  protected void omitBody(Framing framing, OutputStream wire) throws IOException {}

  /** RFC 9110 §6.2: a server answers with the highest minor version it supports, HTTP/1.1. */
  protected String httpVersion() {
    return "HTTP/1.1";
  }
}
