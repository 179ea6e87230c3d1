package dev.wirelab.lab01;

import dev.wirelab.api.ConnectionServer;
import dev.wirelab.api.LabLauncher;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Lab 01: an HTTP/1.1 server whose responses a client can tell apart from what follows them.
 * Read labs/lab01-content-length/README.md first.
 *
 * <p>What works already: GET /hello gets a correct status line, CRLF line endings, Content-Type,
 * Connection: close and the body, and then the connection closes. The close is, for now, the only way
 * the client can tell where the body ends. Each {@code TODO(lab01)} is one rule to add. To see which
 * checks pass: {@code ./wirelab grade lab01 --impl starter} from the repository root.
 */
public class ContentLengthServer extends ConnectionServer {
  private static final String CRLF = "\r\n";
  private static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";

  public ContentLengthServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    LabLauncher.run(new ContentLengthServer());
  }

  /** One connection, one request, one response. The socket is closed when this returns. */
  @Override
  protected void handle(Socket socket) throws IOException {
    String head = readRequestHead(socket.getInputStream());
    String requestLine = head.split(CRLF, 2)[0];
    Response response = respond(requestLine);
    writeResponse(response, socket.getOutputStream());
  }

  /** The request line and header fields, up to and including the empty line that ends them. */
  String readRequestHead(InputStream in) throws IOException {
    // TODO(lab01): one read() returns whatever bytes have arrived so far: maybe the whole request,
    //  maybe "GE". Keep reading until the bytes end with CR LF CR LF (RFC 9112 §2.1). Stop at 8 KiB
    //  and answer 431 instead, so a client cannot make you buffer forever.
    byte[] buffer = new byte[8 * 1024];
    int byteCount = in.read(buffer);
    if (byteCount == -1) return "";
    return new String(buffer, 0, byteCount, StandardCharsets.ISO_8859_1);
  }

  Response respond(String requestLine) {
    // TODO(lab01): a request line is exactly METHOD SP request-target SP HTTP-version, for example
    //  "GET /hello HTTP/1.1" (RFC 9112 §3). Answer anything else, such as "hello there", with 400.
    String[] parts = requestLine.split(" ");
    String method = parts[0];
    String target = parts.length > 1 ? parts[1] : "";
    String path = target.split("\\?", 2)[0]; // The query (?...) does not choose the resource.

    // TODO(lab01): only GET and HEAD are supported. Answer any other method with 405 Method Not
    //  Allowed and the field "Allow: GET, HEAD" (RFC 9110 §15.5.6).
    // TODO(lab01): HEAD gets the same status and fields as GET, Content-Length included, but no
    //  body (RFC 9110 §9.3.2). Where in this file does that decision belong?
    if (path.equals("/hello")) {
      return new Response(200, "OK", TEXT_PLAIN_UTF8, "Hello, 世界\n".getBytes(StandardCharsets.UTF_8));
    }
    if (path.equals("/no-content")) {
      // TODO(lab01): 204 No Content: no body, and no Content-Length or Content-Type either
      //  (RFC 9110 §8.6, §15.3.5).
      return notImplementedYet();
    }
    if (path.startsWith("/files/")) return serveFile(path.substring("/files/".length()));
    return new Response(404, "Not Found", TEXT_PLAIN_UTF8, "not found\n".getBytes(StandardCharsets.UTF_8));
  }

  Response serveFile(String name) {
    // TODO(lab01): answer with the bytes of the file `name` in config.docroot(), exactly as stored:
    //  read bytes, not text lines, and read until the end, not once (RFC 9110 §8.6). Content-Type
    //  "text/plain; charset=utf-8" for .txt, "application/octet-stream" otherwise; 404 if there is
    //  no such file.
    //  Never trust the name (RFC 9110 §17.3): "../secret.txt", "%2e%2e/secret.txt", "..%2fsecret.txt"
    //  and "/etc/passwd" all try to leave the docroot. Percent-decode first, then resolve and
    //  normalize, then check that the real path (toRealPath) is still under the docroot's.
    return notImplementedYet();
  }

  private Response notImplementedYet() {
    byte[] body = "not implemented yet\n".getBytes(StandardCharsets.UTF_8);
    return new Response(404, "Not Found", TEXT_PLAIN_UTF8, body);
  }

  void writeResponse(Response response, OutputStream socketOut) throws IOException {
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 ").append(response.status()).append(' ').append(response.reason()).append(CRLF);
    // TODO(lab01): a Date field with the current time in IMF-fixdate, for example
    //  "Date: Sun, 06 Nov 1994 08:49:37 GMT": always GMT, always a two-digit day (RFC 9110 §6.6.1).
    head.append("Content-Type: ").append(response.contentType()).append(CRLF);
    // TODO(lab01): Content-Length, the number of BYTES in the body, so the client knows where the
    //  body ends without waiting for the close (RFC 9110 §8.6, RFC 9112 §6.3). "Hello, 世界\n" is
    //  10 chars but 14 bytes in UTF-8.
    head.append("Connection: close").append(CRLF);
    head.append(CRLF); // The empty line: the header section ends, the body starts.

    OutputStream out = new BufferedOutputStream(socketOut);
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(response.body());
    out.flush();
  }

  /** What to answer; {@link #writeResponse} turns it into bytes. */
  record Response(int status, String reason, String contentType, byte[] body) {}
}
