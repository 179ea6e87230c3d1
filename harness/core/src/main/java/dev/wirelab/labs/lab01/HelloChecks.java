package dev.wirelab.labs.lab01;

import static dev.wirelab.check.Expectations.answered;
import static dev.wirelab.check.Expectations.body;
import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.nothingAfter;
import static dev.wirelab.check.Expectations.header;
import static dev.wirelab.check.Expectations.status;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Expectations;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.Requests;
import dev.wirelab.http.HeaderField;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.Rule;
import dev.wirelab.http.Violation;
import dev.wirelab.wire.Escaping;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks on {@code GET /hello}: the status line, the header section, the framing, and the close. */
final class HelloChecks {
  static final byte[] HELLO_BODY = "Hello, 世界\n".getBytes(StandardCharsets.UTF_8);

  private static final Set<Rule> HEADER_SYNTAX = EnumSet.of(Rule.LINE_ENDING, Rule.STATUS_LINE,
      Rule.HTTP_VERSION, Rule.FIELD_SYNTAX, Rule.FIELD_NAME_WHITESPACE, Rule.OBSOLETE_LINE_FOLDING,
      Rule.HEADER_SECTION_END, Rule.HEADER_TOO_LARGE);

  private HelloChecks() {}

  static List<Check> all() {
    return List.of(statusLineCheck(), headerSyntax(), contentLength(), helloBody(), contentType(), date(),
        connectionClose(), nothingAfterBody(), requestInPieces());
  }

  static Exchange getHello(CheckContext context) {
    return context.send("GET /hello", Requests.get("/hello", context.address()));
  }

  static Check statusLineCheck() {
    CheckInfo info = CheckInfo.builder("CL-01", "GET /hello answers with the status line HTTP/1.1 200 OK")
        .points(5).contract().section("RFC 9112 §4")
        .explanation("A response starts with a status line: HTTP-version SP status-code SP reason-phrase"
            + " CRLF. A server that supports HTTP/1.1 answers with \"HTTP/1.1\", so the client knows it may"
            + " use 1.1 features. Every other check needs an answer, so they wait for this one.")
        .build();
    return Check.of(info, context -> {
      // Only the status line is judged here; the header section is CL-02's business.
      Expectations.statusLineIs(getHello(context), 200);
    });
  }

  static Check headerSyntax() {
    CheckInfo info = CheckInfo.builder("CL-02", "Lines end with CRLF and an empty line ends the header section")
        .points(8).section("RFC 9112 §2.1, §2.2").dependsOn("CL-01")
        .explanation("HTTP/1.1 lines end with CR LF (\\r\\n), never a bare LF. The header section ends"
            + " with an empty line, so the bytes after \\r\\n\\r\\n are the body. Without that empty line the"
            + " client reads the body as more header fields.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = getHello(context);
      Optional<Violation> first = exchange.response().violations().stream()
          .filter(violation -> HEADER_SYNTAX.contains(violation.rule()))
          .min(Comparator.comparingLong(Violation::offset));
      if (first.isPresent()) throw Expectations.violation(exchange, first.get());
      answered(exchange);
    });
  }

  static Check contentLength() {
    CheckInfo info = CheckInfo.builder("CL-03", "GET /hello declares Content-Length: 14, its length in bytes")
        .points(8).section("RFC 9110 §8.6").dependsOn("CL-01")
        .explanation("Content-Length is the number of octets in the body, not characters: \"Hello, 世界\\n\""
            + " is 10 characters but 14 bytes in UTF-8, because 世 and 界 take three bytes each. Count the"
            + " bytes you write, after encoding.")
        .build();
    return Check.of(info, context -> header(getHello(context), "Content-Length",
        Integer.toString(HELLO_BODY.length), "RFC 9110 §8.6"));
  }

  static Check helloBody() {
    CheckInfo info = CheckInfo.builder("CL-04", "GET /hello sends exactly the body \"Hello, 世界\\n\"")
        .points(6).section("RFC 9112 §6.3").dependsOn("CL-01")
        .explanation("The client reads exactly Content-Length bytes as the body (RFC 9112 §6.3 rule 6)."
            + " Those bytes must be the UTF-8 encoding of \"Hello, 世界\" and a newline.")
        .build();
    return Check.of(info, context -> body(getHello(context), HELLO_BODY, "RFC 9112 §6.3"));
  }

  static Check contentType() {
    CheckInfo info = CheckInfo.builder("CL-05", "GET /hello says Content-Type: text/plain; charset=utf-8")
        .points(3).contract().section("RFC 9110 §8.3").dependsOn("CL-01")
        .explanation("Content-Type tells the client how to read the bytes. Without charset=utf-8 a client"
            + " may decode 世界 as Latin-1 mojibake.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = getHello(context);
      HttpResponse response = answered(exchange);
      Optional<HeaderField> field = response.headers().field("Content-Type");
      String expected = "\"Content-Type: text/plain; charset=utf-8\"";
      if (field.isEmpty()) {
        throw failAt(exchange, response.bodyOffset() - 2, expected, "no Content-Type field", "RFC 9110 §8.3");
      }
      if (!MediaTypes.isTextPlainUtf8(field.get().value())) {
        throw failAt(exchange, field.get().offset(), expected, "\"" + field.get() + "\"", "RFC 9110 §8.3");
      }
    });
  }

  static Check date() {
    CheckInfo info = CheckInfo.builder("CL-06", "Date is sent in IMF-fixdate, within 10 minutes of now")
        .points(4).section("RFC 9110 §6.6.1").dependsOn("CL-01")
        .explanation("An origin server with a clock must send Date (RFC 9110 §6.6.1), formatted as"
            + " IMF-fixdate (RFC 9110 §5.6.7): \"Sun, 06 Nov 1994 08:49:37 GMT\", always GMT, two-digit day."
            + " The time must be the current time in GMT (within 10 minutes), not local time labelled GMT.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = getHello(context);
      HttpResponse response = answered(exchange);
      List<HeaderField> fields = response.headers().all("Date");
      if (fields.size() != 1) {
        throw failAt(exchange, fields.isEmpty() ? response.bodyOffset() - 2 : fields.get(1).offset(),
            "one Date field", fields.size() + " Date fields", "RFC 9110 §6.6.1");
      }
      HeaderField field = fields.get(0);
      Optional<HttpDates.Problem> problem = HttpDates.problemWith(field.value());
      if (problem.isPresent()) {
        String expected = problem.get().format()
            ? "an IMF-fixdate such as \"Sun, 06 Nov 1994 08:49:37 GMT\""
            : "the current time in GMT, within " + HttpDates.PLAUSIBLE.toMinutes() + " minutes";
        throw failAt(exchange, field.offset(), expected,
            "\"" + field.value() + "\" (" + problem.get().detail() + ")",
            problem.get().format() ? "RFC 9110 §5.6.7" : "RFC 9110 §6.6.1");
      }
    });
  }

  static Check connectionClose() {
    CheckInfo info = CheckInfo.builder("CL-07", "Connection: close is sent and the server then closes")
        .points(5).contract().section("RFC 9112 §9.6").dependsOn("CL-01")
        .explanation("The request said Connection: close. RFC 9112 §9.6: the server MUST then close the"
            + " connection after its response, and SHOULD say so with Connection: close in that response;"
            + " this lab requires both, so a client never waits for a close that does not come.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = getHello(context);
      HttpResponse response = answered(exchange);
      if (!response.headers().hasToken("Connection", "close")) {
        throw failAt(exchange, response.bodyOffset() - 2, "a \"Connection: close\" field",
            response.headers().field("Connection").map(field -> "\"" + field + "\"").orElse("no Connection field"),
            "RFC 9112 §9.6");
      }
      Expectations.serverClosed(exchange);
    });
  }

  static Check nothingAfterBody() {
    CheckInfo info = CheckInfo.builder("CL-08", "No bytes follow the body")
        .points(5).section("RFC 9112 §6.3").dependsOn("CL-03")
        .explanation("The body ends after Content-Length bytes. Anything after that is, to the client, the"
            + " start of the next response: a stray \\r\\n after the body corrupts a persistent connection.")
        .build();
    return Check.of(info, context -> {
      for (String target : List.of("/hello", "/files/" + Lab01Fixtures.BINARY_FILE)) {
        Exchange exchange = context.send("GET " + target, Requests.get(target, context.address()));
        nothingAfter(exchange, "the body that Content-Length measured", "RFC 9112 §6.3");
      }
    });
  }

  static Check requestInPieces() {
    CheckInfo info = CheckInfo.builder("CL-09", "A request that arrives in pieces gets the same answer")
        .points(6).contract().section("RFC 9112 §2.1").dependsOn("CL-01")
        .explanation("TCP delivers a byte stream, not messages: one read() may return part of a request,"
            + " even half of a CRLF. Keep reading until the empty line (\\r\\n\\r\\n) that ends the header"
            + " section. This check sends GET /hello two bytes at a time with pauses between.")
        .timeout(Duration.ofSeconds(10))
        .build();
    return Check.of(info, context -> {
      byte[] request = Requests.get("/hello", context.address());
      Exchange exchange = context.sendInPieces("GET /hello, 2 bytes at a time", request, 2, Duration.ofMillis(25));
      long heard = exchange.requestBytesSentBeforeAnswer();
      if (exchange.transcript() != null && exchange.transcript().receivedTotal() > 0 && heard < request.length) {
        throw failAt(exchange, 0, "an answer once the whole request (" + request.length + " bytes) had arrived",
            "an answer that arrived when only " + heard + " bytes had been sent (\""
                + Escaping.escape(Arrays.copyOf(request, (int) heard))
                + "\"): the server answered before it had read the whole request", "RFC 9112 §2.1");
      }
      status(exchange, 200, "RFC 9112 §2.1");
      body(exchange, HELLO_BODY, "RFC 9112 §6.3");
    });
  }

}
