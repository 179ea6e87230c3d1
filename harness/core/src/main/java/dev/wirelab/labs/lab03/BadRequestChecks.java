package dev.wirelab.labs.lab03;

import static dev.wirelab.check.Expectations.answered;
import static dev.wirelab.check.Expectations.body;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.check.Expectations.statusCodeOffset;
import static dev.wirelab.labs.lab03.KeptConnections.closedAfter;
import static dev.wirelab.labs.lab03.KeptConnections.hasOption;
import static dev.wirelab.labs.lab03.Lab03Requests.HELLO;
import static dev.wirelab.labs.lab03.Lab03Requests.ascii;
import static dev.wirelab.labs.lab03.Lab03Requests.get;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.client.Requests;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.Escaping;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Requests the server cannot frame with certainty. After one, the server no longer knows where the
 * next request starts, so it answers 400 (or 431) with Connection: close, closes, and goes on serving
 * other connections.
 */
final class BadRequestChecks {
  private BadRequestChecks() {}

  static List<Check> all() {
    return List.of(badRequestLine(), contentLengthAndChunked(), badChunkSize(), malformedHeaderSection(),
        bodyTooLarge(), expectContinue());
  }

  static Check badRequestLine() {
    CheckInfo info = CheckInfo.builder("KA-17", "A malformed request line: 400, Connection: close, then the close")
        .points(4).contract().section("RFC 9112 §3").dependsOn("KA-01")
        .explanation("A request line that is not method SP request-target SP HTTP-version SHOULD get a 400"
            + " (RFC 9112 §3). On a kept connection it also ends the connection: the server cannot know where"
            + " the next request would start, so it says Connection: close and closes (RFC 9112 §9.6). The"
            + " bad request comes second on its connection; afterwards a new connection must be served.")
        .build();
    return Check.of(info, context -> {
      try (PersistentConnection connection = context.connect("a malformed request line")) {
        Exchange first = context.exchange(connection, "GET /hello", get(context, "/hello"));
        status(first, 200, "RFC 9112 §9.3");
        Exchange bad = KeptConnections.next(context, connection, first, "\"hello there\" as a request line",
            ascii("hello there\r\n\r\n"), PersistenceChecks.PERSISTENT_BY_DEFAULT, "RFC 9112 §9.3");
        rejectedAndClosed(context, connection, bad, Set.of(400), "RFC 9112 §3");
      }
      stillServing(context);
    });
  }

  static Check contentLengthAndChunked() {
    CheckInfo info = CheckInfo.builder("KA-18", "Content-Length and Transfer-Encoding together: 400 and the close")
        .points(4).contract().section("RFC 9112 §6.1").dependsOn("KA-01")
        .explanation("A request with both Transfer-Encoding and Content-Length is how request smuggling starts:"
            + " a proxy that believes one and a server that believes the other disagree about where the next"
            + " request begins. RFC 9112 §6.1: the server MAY reject it, and MUST close the connection after"
            + " responding in any case. The contract: 400, Connection: close, close, and no response to the"
            + " GET that follows the chunked body.")
        .build();
    return Check.of(info, context -> {
      String host = "Host: " + context.address().getAddress().getHostAddress() + "\r\n";
      byte[] smuggling = ascii("POST /echo HTTP/1.1\r\n" + host + "Content-Length: 5\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /hello?smuggled=1 HTTP/1.1\r\n" + host + "\r\n");
      rejected(context, "POST /echo with Content-Length: 5 and Transfer-Encoding: chunked, then a GET",
          smuggling, Set.of(400), "RFC 9112 §6.1");
    });
  }

  static Check badChunkSize() {
    CheckInfo info = CheckInfo.builder("KA-19", "A request body whose framing is broken: 400 and the close")
        .points(3).contract().section("RFC 9112 §7.1, §6.3").dependsOn("KA-01")
        .explanation("chunk-size is 1*HEXDIG and each chunk's data ends with CRLF (RFC 9112 §7.1); a"
            + " Content-Length is digits only (RFC 9112 §6.3 rule 5). \"zz\" is not a size, data without its"
            + " CRLF has no end, \"12a\" is not a length: no later byte can be trusted to start a request, so"
            + " the server answers 400 with Connection: close and closes. Taking an unreadable size as 0 ends"
            + " the body early and leaves its data to be parsed as a request.")
        .build();
    return Check.of(info, context -> {
      String head = "POST /echo HTTP/1.1\r\nHost: " + context.address().getAddress().getHostAddress() + "\r\n";
      rejected(context, "POST /echo with chunk size \"zz\"",
          ascii(head + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"), Set.of(400), "RFC 9112 §7.1");
      rejected(context, "POST /echo with chunk data not followed by CRLF",
          ascii(head + "Transfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n"), Set.of(400), "RFC 9112 §7.1");
      rejected(context, "POST /echo with Content-Length: 12a",
          ascii(head + "Content-Length: 12a\r\n\r\nhello"), Set.of(400), "RFC 9112 §6.3");
    });
  }

  static Check malformedHeaderSection() {
    CheckInfo info = CheckInfo.builder("KA-21", "Bad header lines, no Host or two: 400 and the close")
        .points(3).contract().section("RFC 9112 §5.1, §3.2").dependsOn("KA-01")
        .explanation("Four requests, each on its own connection: a header line without a colon, a field name"
            + " followed by a space before the colon (a server MUST answer 400, RFC 9112 §5.1), an HTTP/1.1"
            + " request without Host and one with two (MUST be 400, RFC 9112 §3.2). Skipping what cannot be"
            + " parsed is how two servers in a chain come to read the same bytes differently. Closing after"
            + " them is this lab's rule.")
        .build();
    return Check.of(info, context -> {
      String host = "Host: " + context.address().getAddress().getHostAddress() + "\r\n";
      rejected(context, "a header line without a colon",
          ascii("GET /hello HTTP/1.1\r\n" + host + "this line has no colon\r\n\r\n"), Set.of(400), "RFC 9112 §5.1");
      rejected(context, "a space between field name and colon",
          ascii("GET /hello HTTP/1.1\r\n" + host + "X-Note : spaced\r\n\r\n"), Set.of(400), "RFC 9112 §5.1");
      rejected(context, "an HTTP/1.1 request without Host",
          ascii("GET /hello HTTP/1.1\r\nAccept: */*\r\n\r\n"), Set.of(400), "RFC 9112 §3.2");
      rejected(context, "an HTTP/1.1 request with two Host fields",
          ascii("GET /hello HTTP/1.1\r\n" + host + "Host: example.com\r\n\r\n"), Set.of(400), "RFC 9112 §3.2");
    });
  }

  static Check bodyTooLarge() {
    CheckInfo info = CheckInfo.builder("KA-23", "A body over 1 MiB: 413 at once, then a graceful close (FIN, not RST)")
        .points(3).contract().section("RFC 9112 §9.6").dependsOn("KA-01").timeout(Duration.ofSeconds(10))
        .explanation("A POST /echo announces 2 MiB. The server can answer 413 Content Too Large (RFC 9110"
            + " §15.5.14) from the header section alone, with Connection: close, and must then close without"
            + " destroying that answer: the client is still sending, and closing a socket with unread input"
            + " makes TCP send a reset, which can discard the response before the client reads it. RFC 9112"
            + " §9.6: half-close, keep reading and discarding for a while, then close (a lingering close).")
        .build();
    return Check.of(info, context -> {
      int size = 2 * 1024 * 1024;
      byte[] head = Requests.persistent("POST", "/echo", context.address(), "Content-Length: " + size);
      byte[] body = new byte[size];
      java.util.Arrays.fill(body, (byte) 'x');
      // 413 is known from Content-Length alone; the body is what the server then refuses to read.
      try (PersistentConnection connection = context.connect("a 2 MiB body")) {
        // The head and the start of the body in one write: refused bytes are waiting in the server's
        // socket when it answers and closes.
        int start = 64 * 1024;
        connection.send(BoundaryChecks.concat(List.of(head, java.util.Arrays.copyOf(body, start))));
        Exchange answered = context.answerTo(connection, "POST /echo with Content-Length: " + size, head);
        rejectedAndClosed(context, connection, answered, Set.of(413), "RFC 9110 §15.5.14");
        // Still sending, as a client that has not read the answer yet does. A lingering close reads and
        // discards this; a socket closed with it unread answers with a reset.
        // The kernel may take the whole rest into its send buffer before a reset comes back, so a
        // last piece follows a moment later: by then a reset has arrived, and that write fails.
        boolean delivered = connection.send(java.util.Arrays.copyOfRange(body, start, size - 1024));
        context.pause(Duration.ofMillis(200)); // the FIN has come: nothing more to read, only time to pass
        delivered &= connection.send(java.util.Arrays.copyOfRange(body, size - 1024, size));
        if (!delivered) {
          throw failAt(answered, answered.transcript().receivedTotal(),
              "a lingering close: after the FIN the server reads and discards what the client still sends",
              "a reset (RST) while the client was still sending: with the client slower to read, the"
                  + " reset can destroy the 413 before it is read", "RFC 9112 §9.6");
        }
      }
    });
  }

  static Check expectContinue() {
    CheckInfo info = CheckInfo.builder("KA-24", "Expect: 100-continue gets a 100 (or a final answer) at once")
        .points(2).section("RFC 9110 §10.1.1").dependsOn("KA-07").timeout(Duration.ofSeconds(8))
        .explanation("A client with a body may send Expect: 100-continue and wait before sending it (curl does"
            + " for large bodies). An origin server MUST then answer at once: 100 Continue, after which the"
            + " client sends the body and gets the final response, or a final status right away (RFC 9110"
            + " §10.1.1). A server that ignores it leaves the client waiting until it gives up.")
        .build();
    return Check.of(info, context -> {
      byte[] echoBody = ascii("sent after the 100");
      byte[] head = Requests.persistent("POST", "/echo", context.address(), "Expect: 100-continue",
          "Content-Length: " + echoBody.length);
      try (PersistentConnection connection = context.connect("Expect: 100-continue")) {
        connection.send(head);
        connection.awaitClose(Duration.ofSeconds(1));
        if (connection.unconsumedBytes() == 0) {
          Exchange waiting = context.answerTo(connection, "POST /echo with Expect: 100-continue, body held back",
              head, Duration.ZERO);
          throw failAt(waiting, 0, "\"HTTP/1.1 100 Continue\" (or a final response) within 1 s",
              "nothing: the client is still waiting to send its body", "RFC 9110 §10.1.1");
        }
        connection.send(echoBody);
        Exchange echoed = context.answerTo(connection, "POST /echo with Expect: 100-continue", head);
        status(echoed, 200, "RFC 9110 §10.1.1");
        body(echoed, echoBody, "RFC 9112 §6.3");
      }
    });
  }

  /** On a connection of its own: one of {@code statuses}, Connection: close, the close, nothing more. */
  static void rejected(CheckContext context, String label, byte[] request, Set<Integer> statuses,
      String section) throws CheckFailure {
    try (PersistentConnection connection = context.connect(label)) {
      Exchange exchange = context.exchange(connection, label, request);
      rejectedAndClosed(context, connection, exchange, statuses, section);
    }
  }

  private static void rejectedAndClosed(CheckContext context, PersistentConnection connection, Exchange exchange,
      Set<Integer> statuses, String section) throws CheckFailure {
    HttpResponse response = answered(exchange);
    if (!statuses.contains(response.code())) {
      String expected = statuses.stream().sorted().map(String::valueOf).collect(Collectors.joining(" or "));
      throw failAt(exchange, statusCodeOffset(response.statusLine()), "status " + expected,
          "status " + response.code() + " (\"" + Escaping.printable(response.statusLine().toString()) + "\")",
          section);
    }
    hasOption(exchange, "close", "RFC 9112 §9.6");
    closedAfter(exchange, connection, Lab03Requests.closeWindow(context), "after a request it cannot frame, the server"
        + " cannot know where the next one starts", "RFC 9112 §9.6");
  }

  /** The server is still up: a new connection gets GET /hello answered. */
  private static void stillServing(CheckContext context) throws CheckFailure {
    try (PersistentConnection connection = context.connect("a new connection after the bad request")) {
      Exchange hello = context.exchange(connection, "GET /hello on a new connection", get(context, "/hello"));
      status(hello, 200, "RFC 9112 §9.3");
      body(hello, HELLO, "RFC 9112 §6.3");
    }
  }
}
