package dev.wirelab.labs.lab03;

import static dev.wirelab.check.Expectations.body;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.labs.lab03.Lab03Requests.HELLO;
import static dev.wirelab.labs.lab03.Lab03Requests.ascii;
import static dev.wirelab.labs.lab03.Lab03Requests.echo;
import static dev.wirelab.labs.lab03.Lab03Requests.get;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.client.Requests;
import java.time.Duration;
import java.util.List;

/**
 * Request bodies are read to their last byte, whichever way they are framed: otherwise the body is
 * parsed as the next request. Both checks follow the POST with GET /hello on the same connection, and
 * judge the echo only after that, so the bytes a desynchronised server sent are there to be shown.
 */
final class RequestBodyChecks {
  /** A body that looks like a request: a server that does not read it answers it as one. */
  static final byte[] BODY_THAT_LOOKS_LIKE_A_REQUEST =
      ascii("GET /not-a-request HTTP/1.1\r\nHost: inside-a-body\r\n\r\n");

  private RequestBodyChecks() {}

  static List<Check> all() {
    return List.of(contentLengthBody(), chunkedBody());
  }

  static Check contentLengthBody() {
    CheckInfo info = CheckInfo.builder("KA-07", "A POST body with Content-Length is read whole; the next request parses")
        .points(6).section("RFC 9112 §6.3").dependsOn("KA-02").timeout(Duration.ofSeconds(8))
        .explanation("A request's body is as long as its Content-Length (RFC 9112 §6.3 rule 6), and the next"
            + " request begins right after it. POST /echo carries a body that happens to look like a request;"
            + " then GET /hello follows on the same connection. A server that skips reading the body answers"
            + " the body as if it were a request, and every response after that is one off.")
        .build();
    return Check.of(info, context -> {
      byte[] post = echo(context, BODY_THAT_LOOKS_LIKE_A_REQUEST);
      echoThenHello(context, "POST /echo with Content-Length: " + BODY_THAT_LOOKS_LIKE_A_REQUEST.length, post,
          BODY_THAT_LOOKS_LIKE_A_REQUEST);
    });
  }

  static Check chunkedBody() {
    CheckInfo info = CheckInfo.builder("KA-08", "A chunked POST body is decoded whole; the next request parses")
        .points(6).section("RFC 9112 §7.1").dependsOn("KA-02").timeout(Duration.ofSeconds(8))
        .explanation("A server MUST be able to decode a chunked request body (RFC 9112 §7.1): chunk sizes in"
            + " hex, chunk extensions to ignore (§7.1.1), the last-chunk, then a trailer section that may hold"
            + " fields (§7.1.2) and ends with an empty line. The echo is the chunks' data joined; GET /hello"
            + " follows on the same connection.")
        .build();
    return Check.of(info, context -> {
      String first = "hello, ";
      String second = "chunked world: 0123456789abcdef\n";
      String chunkedBody = Integer.toHexString(first.length()) + ";note=\"an extension\"\r\n" + first + "\r\n"
          + Integer.toHexString(second.length()) + "\r\n" + second + "\r\n"
          + "0\r\nX-Trailer-Note: read and ignored\r\n\r\n";
      byte[] head = Requests.persistent("POST", "/echo", context.address(), "Transfer-Encoding: chunked",
          "Content-Type: text/plain");
      byte[] post = BoundaryChecks.concat(List.of(head, ascii(chunkedBody)));
      echoThenHello(context, "POST /echo with a chunked body", post, ascii(first + second));
    });
  }

  private static void echoThenHello(CheckContext context, String label, byte[] post, byte[] expectedEcho)
      throws CheckFailure {
    try (PersistentConnection connection = context.connect(label)) {
      Exchange echoed = context.exchange(connection, label, post);
      Exchange hello = context.exchange(connection, "GET /hello after it", get(context, "/hello"));
      status(echoed, 200, "RFC 9112 §6.3");
      body(echoed, expectedEcho, "RFC 9112 §6.3");
      status(hello, 200, "RFC 9112 §9.3");
      body(hello, HELLO, "RFC 9112 §6.3");
    }
  }
}
