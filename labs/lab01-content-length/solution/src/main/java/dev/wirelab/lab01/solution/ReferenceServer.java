package dev.wirelab.lab01.solution;

import dev.wirelab.api.ConnectionServer;
import dev.wirelab.api.LabLauncher;
import dev.wirelab.labs.common.HttpDate;
import dev.wirelab.labs.common.LingeringClose;
import dev.wirelab.labs.common.PercentDecoding;
import dev.wirelab.labs.common.RejectedRequest;
import dev.wirelab.labs.common.RequestHead;
import dev.wirelab.labs.common.RequestLine;
import java.io.BufferedOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Lab 01's reference: one request per connection, every response framed by Content-Length (or by
 * having no content at all) and followed by the server closing the connection.
 *
 * <p>Each decision is one protected method, so a mutant (see {@code mutants/}) is a subclass that gets
 * exactly one of them wrong.
 */
public class ReferenceServer extends ConnectionServer {
  protected static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
  protected static final String HELLO_TEXT = "Hello, 世界\n";
  protected static final String ALLOWED_METHODS = "GET, HEAD";
  protected static final int MAX_HEAD_BYTES = 8 * 1024;
  private static final int HEAD_READ_TIMEOUT_MILLIS = 10_000;

  public ReferenceServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    LabLauncher.run(new ReferenceServer());
  }

  @Override
  protected void handle(Socket socket) throws IOException {
    socket.setSoTimeout(HEAD_READ_TIMEOUT_MILLIS);
    String method = "GET"; // Until the request line is parsed, an error page is sent like a GET's.
    Response response;
    try {
      Optional<String> head = readRequestHead(socket.getInputStream());
      if (head.isEmpty()) return; // The client closed without asking anything: nobody to answer.
      RequestLine request = parseRequestLine(RequestHead.firstLine(head.get()));
      method = request.method();
      response = respond(request);
    } catch (RejectedRequest rejected) {
      response = Response.page(rejected.status(), rejected.reason(), rejected.getMessage());
    }
    writeResponse(response, sendsBody(method, response), socket.getOutputStream());
    finishConnection(socket);
  }

  /** Reads until CRLF CRLF, however many reads that takes; see {@link RequestHead}. */
  protected Optional<String> readRequestHead(InputStream socketIn) throws IOException, RejectedRequest {
    return RequestHead.read(new BufferedInputStream(socketIn), MAX_HEAD_BYTES);
  }

  /** RFC 9112 §3: anything but METHOD SP request-target SP HTTP-version is answered with 400. */
  protected RequestLine parseRequestLine(String line) throws RejectedRequest {
    return RequestLine.parse(line);
  }

  protected Response respond(RequestLine request) throws RejectedRequest {
    // The method is checked first: every resource here supports exactly GET and HEAD.
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) return methodNotAllowed();
    String path = request.path();
    if (path.equals("/hello")) return hello();
    if (path.equals("/no-content")) return noContent();
    if (path.startsWith("/files/")) return files(path.substring("/files/".length()));
    return notFound(path);
  }

  protected Response hello() {
    return Response.of(200, "OK", TEXT_PLAIN_UTF8, Content.text(HELLO_TEXT));
  }

  /** RFC 9110 §15.3.5: a 204 has no content, and so no Content-Type either. */
  protected Response noContent() {
    return Response.withoutContent(204, "No Content");
  }

  protected Response files(String encodedName) throws RejectedRequest {
    Optional<Path> file = resolveFile(encodedName);
    if (file.isEmpty()) return notFound("/files/" + encodedName);
    try {
      return Response.of(200, "OK", contentTypeFor(file.get()), readFile(file.get()));
    } catch (IOException e) {
      return Response.page(500, "Internal Server Error", "could not read " + encodedName);
    }
  }

  /**
   * The file a name in /files/ refers to, if it is a regular file inside the docroot. RFC 9110 §17.3:
   * decode first, then normalize, then check, so that neither {@code ..} nor {@code %2e%2e} nor
   * {@code %2f} nor an absolute name can climb out. A name that tries is a bad request (400, as nginx
   * answers); one that stays inside but names nothing is simply not found.
   */
  protected Optional<Path> resolveFile(String encodedName) throws RejectedRequest {
    try {
      String name = PercentDecoding.decode(encodedName);
      Path root = config.docroot().toRealPath();
      Path candidate = root.resolve(name).normalize(); // An absolute name replaces root: caught here.
      if (!candidate.startsWith(root)) {
        throw new RejectedRequest(400, "Bad Request", "file name leaves the docroot: " + encodedName);
      }
      if (!Files.isRegularFile(candidate)) return Optional.empty();
      Path real = candidate.toRealPath(); // A symbolic link may still point outside.
      return real.startsWith(root) ? Optional.of(real) : Optional.empty();
    } catch (IllegalArgumentException e) { // A broken escape, or a name no Path can hold.
      throw new RejectedRequest(400, "Bad Request", "not a file name: " + encodedName);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The file's bytes exactly as stored: no decoding, no line-ending changes (RFC 9110 §8.6). */
  protected Content readFile(Path file) throws IOException {
    return Content.file(file);
  }

  protected String contentTypeFor(Path file) {
    return file.getFileName().toString().endsWith(".txt") ? TEXT_PLAIN_UTF8 : "application/octet-stream";
  }

  /** RFC 9110 §15.5.5: a missing resource is a 404, not a 200 page that says so. */
  protected Response notFound(String path) {
    return Response.page(404, "Not Found", "no resource at " + path);
  }

  /** RFC 9110 §15.5.6: a 405 must say which methods the resource does support. */
  protected Response methodNotAllowed() {
    return Response.page(405, "Method Not Allowed", "this resource supports " + ALLOWED_METHODS)
        .withField("Allow", ALLOWED_METHODS);
  }

  /**
   * Writes the status line, the header fields, the empty line and (unless told not to) the content.
   * Everything goes through one buffer and is flushed once, so a small response is one packet.
   */
  protected void writeResponse(Response response, boolean withBody, OutputStream socketOut)
      throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(httpVersion()).append(' ').append(response.status()).append(' ').append(response.reason())
        .append(lineEnding());
    appendField(head, "Date", httpDate(Instant.now()));
    for (Response.Field field : response.fields()) appendField(head, field.name(), field.value());
    if (announcesLength(response)) {
      appendField(head, "Content-Length", Long.toString(contentLength(response)));
    }
    if (announcesClose()) appendField(head, "Connection", "close");
    head.append(endOfHeaderSection());

    OutputStream out = new BufferedOutputStream(socketOut, 64 * 1024);
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (withBody) writeBody(response.content(), out);
    out.flush();
  }

  private void appendField(StringBuilder head, String name, String value) {
    head.append(name).append(": ").append(value).append(lineEnding());
  }

  /** RFC 9110 §6.2: a server answers with the highest minor version it supports, HTTP/1.1. */
  protected String httpVersion() {
    return "HTTP/1.1";
  }

  /** RFC 9112 §2.1: every line of the head ends with CRLF, not a bare LF. */
  protected String lineEnding() {
    return "\r\n";
  }

  /** RFC 9112 §2.1: an empty line ends the header section; the content starts right after it. */
  protected String endOfHeaderSection() {
    return lineEnding();
  }

  /** RFC 9110 §6.6.1: IMF-fixdate, GMT and a two-digit day: "Sun, 06 Nov 1994 08:49:37 GMT". */
  protected String httpDate(Instant instant) {
    return HttpDate.format(instant);
  }

  /** RFC 9110 §8.6: no Content-Length on 1xx or 204; every other response here announces its length. */
  protected boolean announcesLength(Response response) {
    return response.status() >= 200 && response.status() != 204;
  }

  /** RFC 9110 §8.6, RFC 9112 §6.3: the length counts bytes of the content, not characters of text. */
  protected long contentLength(Response response) {
    return response.content().length();
  }

  /** RFC 9112 §9.6: a server that closes after this response says so, so the client will not reuse it. */
  protected boolean announcesClose() {
    return true;
  }

  /**
   * RFC 9110 §9.3.2: HEAD gets GET's status and fields, Content-Length included, but no content.
   * RFC 9110 §15.3.5: a 204 has no content to send, whatever the method.
   */
  protected boolean sendsBody(String method, Response response) {
    return !method.equals("HEAD") && response.status() != 204;
  }

  /** Exactly the announced bytes, and nothing after them (RFC 9112 §6.3). */
  protected void writeBody(Content content, OutputStream out) throws IOException {
    content.writeTo(out);
  }

  /**
   * RFC 9112 §9.6: close in stages. Half-close first, so the client sees the end at once; then drain
   * what the client still sends, briefly, so that closing does not reset the response away.
   */
  protected void finishConnection(Socket socket) throws IOException {
    LingeringClose.finish(socket);
  }
}
