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
import dev.wirelab.wire.Escaping;
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
    return List.of(badRequestLine(), contentLengthAndChunked(), badChunkSize(), headTooLarge(),
        malformedHeaderSection());
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
    CheckInfo info = CheckInfo.builder("KA-19", "A chunked body with a chunk size that is not hex: 400 and the close")
        .points(3).contract().section("RFC 9112 §7.1").dependsOn("KA-01")
        .explanation("chunk-size is 1*HEXDIG (RFC 9112 §7.1). \"zz\" is not a size, and no later byte can be"
            + " trusted to start a request: the server answers 400 with Connection: close and closes. Taking"
            + " an unreadable size as 0 ends the body early and leaves its data to be parsed as a request.")
        .build();
    return Check.of(info, context -> {
      String host = "Host: " + context.address().getAddress().getHostAddress() + "\r\n";
      byte[] request = ascii("POST /echo HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n"
          + "zz\r\nhello\r\n0\r\n\r\n");
      rejected(context, "POST /echo with chunk size \"zz\"", request, Set.of(400), "RFC 9112 §7.1");
    });
  }

  static Check headTooLarge() {
    CheckInfo info = CheckInfo.builder("KA-20", "A request head over 8 KiB: 431 (or 400) and the close")
        .points(2).contract().hidden().section("RFC 9110 §5.4").dependsOn("KA-01")
        .explanation("A server must bound what it buffers for a request head, or one client exhausts its"
            + " memory. The contract's limit is 8 KiB; a longer head gets 431 Request Header Fields Too Large"
            + " (RFC 6585 §5) or 400, with Connection: close, and the close.")
        .build();
    return Check.of(info, context -> {
      byte[] request = Lab03Requests.get(context, "/hello", "X-Padding: " + "a".repeat(9 * 1024));
      rejected(context, "GET /hello with a 9 KiB header field", request, Set.of(431, 400), "RFC 9110 §5.4");
    });
  }

  static Check malformedHeaderSection() {
    CheckInfo info = CheckInfo.builder("KA-21", "Bad header lines and a missing Host: 400 and the close")
        .points(3).section("RFC 9112 §5.1, §3.2").dependsOn("KA-01")
        .explanation("Three requests, each on its own connection: a header line without a colon, a field name"
            + " followed by a space before the colon (a server MUST answer 400, RFC 9112 §5.1), and an"
            + " HTTP/1.1 request without Host (MUST be 400, RFC 9112 §3.2). Skipping what cannot be parsed"
            + " is how two servers in a chain come to read the same bytes differently.")
        .build();
    return Check.of(info, context -> {
      String host = "Host: " + context.address().getAddress().getHostAddress() + "\r\n";
      rejected(context, "a header line without a colon",
          ascii("GET /hello HTTP/1.1\r\n" + host + "this line has no colon\r\n\r\n"), Set.of(400), "RFC 9112 §5.1");
      rejected(context, "a space between field name and colon",
          ascii("GET /hello HTTP/1.1\r\n" + host + "X-Note : spaced\r\n\r\n"), Set.of(400), "RFC 9112 §5.1");
      rejected(context, "an HTTP/1.1 request without Host",
          ascii("GET /hello HTTP/1.1\r\nAccept: */*\r\n\r\n"), Set.of(400), "RFC 9112 §3.2");
    });
  }

  /** On a connection of its own: one of {@code statuses}, Connection: close, the close, nothing more. */
  private static void rejected(CheckContext context, String label, byte[] request, Set<Integer> statuses,
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
    closedAfter(exchange, connection, context.closeGrace(), "after a request it cannot frame, the server"
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
