package dev.wirelab.labs.lab03;

import static dev.wirelab.check.Expectations.answered;
import static dev.wirelab.check.Expectations.body;
import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.check.Expectations.violation;
import static dev.wirelab.labs.lab03.KeptConnections.stillOpen;
import static dev.wirelab.labs.lab03.Lab03Requests.HELLO;
import static dev.wirelab.labs.lab03.Lab03Requests.ascii;
import static dev.wirelab.labs.lab03.Lab03Requests.briefly;
import static dev.wirelab.labs.lab03.Lab03Requests.echo;
import static dev.wirelab.labs.lab03.Lab03Requests.get;
import static dev.wirelab.labs.lab03.Lab03Requests.idleTimeout;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Diagnostic;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.client.Requests;
import dev.wirelab.http.Violation;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where one message ends and the next begins, in both directions: requests that arrive together, apart
 * or cut anywhere, and responses that must end exactly where their framing says.
 */
final class BoundaryChecks {
  private BoundaryChecks() {}

  static List<Check> all() {
    return List.of(pipelined(), everyResponseKindEndsOnTime(), tinyPieces(), boundariesMidRead());
  }

  /** A request and the status and body its response must have (null: any body). */
  private record Expected(String label, byte[] request, int status, byte[] body) {}

  static Check pipelined() {
    CheckInfo info = CheckInfo.builder("KA-06", "Five pipelined requests in one write are all answered, in order")
        .points(6).section("RFC 9112 §9.3.2").dependsOn("KA-02").timeout(Duration.ofSeconds(8))
        .explanation("A client may send several requests without waiting for the responses (pipelining,"
            + " RFC 9112 §9.3.2). The server reads them one by one from the same stream and MUST answer them"
            + " in the order they came. All five arrive in one write: the first is a slow one, so a server"
            + " that answers whichever is ready first gets the order wrong, and a server that reads each"
            + " request with a new buffered reader loses the four that its first buffer swallowed.")
        .build();
    return Check.of(info, context -> {
      byte[] echoBody = ascii("pipelined body");
      List<Expected> burst = List.of(
          new Expected("GET /slow?ms=300", get(context, Lab03Requests.slow(300)), 200, Lab03Requests.slept(300)),
          new Expected("GET /hello", get(context, "/hello"), 200, HELLO),
          new Expected("POST /echo", echo(context, echoBody), 200, echoBody),
          new Expected("GET /stream?count=2&interval=0", get(context, Lab03Requests.stream(2, 0)), 200,
              Lab03Requests.streamLines(2)),
          new Expected("GET /hello?last=1", get(context, "/hello?last=1"), 200, HELLO));
      try (PersistentConnection connection = context.connect("pipelining")) {
        connection.send(concat(burst.stream().map(Expected::request).toList()));
        for (int i = 0; i < burst.size(); i++) {
          Expected expected = burst.get(i);
          Exchange exchange = context.answerTo(connection,
              "response " + (i + 1) + " of 5 (pipelined): " + expected.label(), expected.request());
          inRequestOrder(exchange, burst, i);
          status(exchange, expected.status(), "RFC 9112 §9.3.2");
          body(exchange, expected.body(), "RFC 9112 §9.3.2");
        }
      }
    });
  }

  /**
   * A response whose body is another request's answers out of order: said at its status line, the
   * start of the response that is in the wrong place.
   */
  private static void inRequestOrder(Exchange exchange, List<Expected> burst, int position) throws CheckFailure {
    var response = complete(exchange);
    if (Arrays.equals(response.body(), burst.get(position).body())) return;
    for (int other = 0; other < burst.size(); other++) {
      if (other != position && Arrays.equals(response.body(), burst.get(other).body())) {
        throw failAt(exchange, response.statusLine().offset(),
            "the response to request " + (position + 1) + " (" + burst.get(position).label()
                + "): responses come in the order of the requests",
            "the response to request " + (other + 1) + " (" + burst.get(other).label() + ")", "RFC 9112 §9.3.2");
      }
    }
  }

  static Check everyResponseKindEndsOnTime() {
    CheckInfo info = CheckInfo.builder("KA-09", "Every kind of response ends exactly where its framing says")
        .points(5).section("RFC 9112 §6.3").dependsOn("KA-02").timeout(Duration.ofSeconds(8))
        .explanation("On a kept connection the client finds the end of each response from its framing alone"
            + " (RFC 9112 §6.3), and the next response starts at the very next byte. One connection carries a"
            + " chunked /stream, /hello, a 404, a 405, a HEAD (no body, whatever Content-Length says), an"
            + " empty POST /echo and /hello again. Each request is sent once the previous response has had"
            + " time to arrive, without waiting for it to look complete: a missing last-chunk, a"
            + " Content-Length one too large or a body after HEAD makes the next response unreadable.")
        .build();
    return Check.of(info, context -> {
      List<Expected> sequence = List.of(
          new Expected("GET /stream?count=3&interval=0", get(context, Lab03Requests.stream(3, 0)), 200,
              Lab03Requests.streamLines(3)),
          new Expected("GET /hello", get(context, "/hello"), 200, HELLO),
          new Expected("GET /no-such-page", get(context, "/no-such-page"), 404, null),
          new Expected("DELETE /hello", Requests.persistent("DELETE", "/hello", context.address()), 405, null),
          new Expected("HEAD /hello", Requests.persistent("HEAD", "/hello", context.address()), 200, new byte[0]),
          new Expected("POST /echo with an empty body", echo(context, new byte[0]), 200, new byte[0]),
          new Expected("GET /hello?again=1", get(context, "/hello?again=1"), 200, HELLO));
      Duration settle = briefly(context);
      try (PersistentConnection connection = context.connect("every response kind")) {
        for (Expected expected : sequence) {
          connection.send(expected.request());
          connection.awaitClose(settle); // Lets the response arrive; it is parsed below, in order.
        }
        Exchange last = null;
        for (int i = 0; i < sequence.size(); i++) {
          Expected expected = sequence.get(i);
          last = context.answerTo(connection, "response " + (i + 1) + " of " + sequence.size() + ": "
              + expected.label(), expected.request());
          wellFramed(last, i == 0 ? null : sequence.get(i - 1).label());
          status(last, expected.status(), "RFC 9112 §6.3");
          if (expected.body() != null) body(last, expected.body(), "RFC 9112 §6.3");
        }
        stillOpen(last, connection, Duration.ZERO, PersistenceChecks.PERSISTENT_BY_DEFAULT, "RFC 9112 §9.3");
      }
    });
  }

  /**
   * The response parsed without a violation, which on a kept connection means the next one can too. A
   * response that is broken from its first bytes on was most likely started too late or too early by
   * the one before it: the diagnostic says so, naming {@code previous}.
   */
  private static void wellFramed(Exchange exchange, String previous) throws CheckFailure {
    try {
      answered(exchange);
      Violation first = exchange.firstViolation();
      if (first != null) throw violation(exchange, first);
      complete(exchange);
    } catch (CheckFailure failure) {
      Diagnostic diagnostic = failure.diagnostic();
      boolean noStatusLine = diagnostic.offset() >= 0 && !exchange.response().hasStatusLine();
      if (previous == null || !noStatusLine) throw failure;
      throw new CheckFailure(new Diagnostic(diagnostic.expected(), diagnostic.actual() + " (where this response"
          + " should start: the previous one, " + previous + ", ended elsewhere than its framing said)",
          diagnostic.section(), diagnostic.offset(), diagnostic.excerpt(), diagnostic.exchange(), diagnostic.detail()));
    }
  }

  static Check tinyPieces() {
    CheckInfo info = CheckInfo.builder("KA-12", "A request sent 3 bytes at a time, for longer than the idle timeout")
        .points(5).section("RFC 9112 §2.1").dependsOn("KA-02").timeout(Duration.ofSeconds(20))
        .explanation("TCP delivers a byte stream, not messages: one read() may return three bytes of a"
            + " request. A POST /echo arrives in 3-byte pieces spread over twice the idle timeout, each gap"
            + " far shorter than it. The server keeps reading until the request is complete (its head ends at"
            + " CRLF CRLF, its body after Content-Length bytes) and answers; the idle timeout is for a"
            + " connection with no request in progress, not for a request that is still arriving.")
        .build();
    return Check.of(info, context -> {
      byte[] echoBody = ascii("three bytes at a time");
      byte[] request = echo(context, echoBody);
      int pieceSize = 3;
      int pieces = (request.length + pieceSize - 1) / pieceSize;
      Duration pause = idleTimeout(context).multipliedBy(2).dividedBy(pieces);
      try (PersistentConnection connection = context.connect("a request in pieces")) {
        connection.sendInPieces(request, pieceSize, pause, context.deadline());
        Exchange echoed = context.answerTo(connection,
            "POST /echo in " + pieces + " pieces of 3 bytes, " + pause.toMillis() + " ms apart", request);
        status(echoed, 200, "RFC 9112 §2.1");
        body(echoed, echoBody, "RFC 9112 §6.3");
        Exchange hello = KeptConnections.next(context, connection, echoed, "GET /hello after it",
            get(context, "/hello"), PersistenceChecks.PERSISTENT_BY_DEFAULT, "RFC 9112 §9.3");
        status(hello, 200, "RFC 9112 §9.3");
        body(hello, HELLO, "RFC 9112 §6.3");
      }
    });
  }

  static Check boundariesMidRead() {
    CheckInfo info = CheckInfo.builder("KA-13", "Request boundaries that fall in the middle of a read")
        .points(3).section("RFC 9112 §2.1").dependsOn("KA-02").timeout(Duration.ofSeconds(8))
        .explanation("Where one read() stops has nothing to do with where a request stops. The first write"
            + " holds GET /hello and the start of a POST /echo, cut inside a field name; the second write the"
            + " rest of its head and part of its body; the third the last five body bytes. The server answers"
            + " the first request at once and keeps the start of the second until the rest arrives.")
        .build();
    return Check.of(info, context -> {
      byte[] hello = get(context, "/hello");
      byte[] echoBody = ascii("split across three writes");
      byte[] post = echo(context, echoBody);
      int cutInHead = indexOf(post, "Content-Length") + 4; // inside the field name: "Cont|ent-Length"
      int cutInBody = post.length - 5;
      Duration pause = briefly(context);
      try (PersistentConnection connection = context.connect("boundaries mid-read")) {
        connection.send(concat(List.of(hello, Arrays.copyOfRange(post, 0, cutInHead))));
        connection.awaitClose(pause);
        connection.send(Arrays.copyOfRange(post, cutInHead, cutInBody));
        connection.awaitClose(pause);
        connection.send(Arrays.copyOfRange(post, cutInBody, post.length));
        Exchange first = context.answerTo(connection, "GET /hello, sent with the start of the POST", hello);
        status(first, 200, "RFC 9112 §2.1");
        body(first, HELLO, "RFC 9112 §6.3");
        Exchange second = context.answerTo(connection, "POST /echo, cut at byte " + cutInHead + " and "
            + cutInBody, post);
        status(second, 200, "RFC 9112 §2.1");
        body(second, echoBody, "RFC 9112 §6.3");
      }
    });
  }

  private static int indexOf(byte[] bytes, String text) {
    String all = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = all.indexOf(text);
    if (at < 0) throw new IllegalArgumentException("no " + text + " in " + all);
    return at;
  }

  static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) all.writeBytes(part);
    return all.toByteArray();
  }
}
