package dev.wirelab.labs.lab02;

import static dev.wirelab.check.Expectations.body;
import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.nothingAfter;
import static dev.wirelab.check.Expectations.noHeader;
import static dev.wirelab.check.Expectations.transferCodingIsChunked;
import static dev.wirelab.check.Expectations.statusLineIs;
import static dev.wirelab.labs.lab02.Lab02Requests.download;
import static dev.wirelab.labs.lab02.Lab02Requests.get;
import static dev.wirelab.labs.lab02.Lab02Requests.stream;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Expectations;
import dev.wirelab.client.Exchange;
import dev.wirelab.http.Chunk;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.Rule;
import dev.wirelab.http.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Checks on the chunked framing itself: the field, the size lines, the data, the end. */
final class ChunkFramingChecks {
  private ChunkFramingChecks() {}

  static List<Check> all() {
    return List.of(statusLine(), transferEncoding(), hexSizes(), dataThenCrlf(), reassembles(),
        lastChunk(), nothingAfterEnd(), zeroLengthWrite());
  }

  static Check statusLine() {
    CheckInfo info = CheckInfo.builder("CH-01", "GET /stream answers with the status line HTTP/1.1 200")
        .points(5).contract().section("RFC 9112 §4")
        .explanation("Every other check needs an answer to start from. Chunked coding is an HTTP/1.1"
            + " feature, so the server must say HTTP/1.1.")
        .build();
    return Check.of(info, context -> statusLineIs(get(context, stream(3, 50)), 200));
  }

  static Check transferEncoding() {
    CheckInfo info = CheckInfo.builder("CH-02", "A well-formed head with Transfer-Encoding: chunked, no Content-Length")
        .points(6).contract().section("RFC 9112 §6.1, §6.2").dependsOn("CH-01")
        .explanation("This lab sends bodies of unknown length with Transfer-Encoding: chunked (HTTP/1.1 could"
            + " also end them by closing; the contract asks for chunked). A sender MUST NOT send"
            + " Content-Length beside Transfer-Encoding (RFC 9112 §6.2): the two disagree about where the"
            + " body ends, which is how request smuggling starts. The head's lines end with CRLF (§2.2).")
        .build();
    return Check.of(info, context -> {
      for (String target : List.of(stream(2, 10), download(1000))) {
        Exchange exchange = get(context, target);
        HttpResponse response = Expectations.answered(exchange);
        Optional<Violation> inHead = exchange.response().violations().stream()
            .filter(violation -> violation.offset() < response.bodyOffset()).findFirst();
        if (inHead.isPresent()) throw Expectations.violation(exchange, inHead.get());
        transferCodingIsChunked(exchange, "RFC 9112 §6.1");
        noHeader(exchange, "Content-Length", "RFC 9112 §6.2");
      }
    });
  }

  static Check hexSizes() {
    CheckInfo info = CheckInfo.builder("CH-03", "Chunk sizes are written in hexadecimal")
        .points(8).section("RFC 9112 §7.1").dependsOn("CH-02")
        .explanation("chunk-size = 1*HEXDIG. A 300-byte chunk is announced as \"12c\", not \"300\": a client"
            + " reads \"300\" as 768 bytes and runs past the end of the chunk.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = get(context, download(300));
      HttpResponse response = Expectations.answered(exchange);
      byte[] received = exchange.transcript().receivedBuffer();
      Optional<ChunkSizeLines.DecimalSize> decimal = ChunkSizeLines.findDecimalSize(received,
          exchange.transcript().receivedCount(), response.bodyOffset());
      if (decimal.isPresent()) {
        throw failAt(exchange, decimal.get().offset(), "the size in hex, \"" + decimal.get().hex() + "\"",
            "\"" + decimal.get().written() + "\", a decimal number (read as hex it is "
                + Long.parseLong(decimal.get().written(), 16) + " bytes)", "RFC 9112 §7.1");
      }
      Optional<Violation> sizeViolation = exchange.response().violations().stream()
          .filter(violation -> violation.rule() == Rule.CHUNK_SIZE).findFirst();
      if (sizeViolation.isPresent()) throw Expectations.violation(exchange, sizeViolation.get());
    });
  }

  static Check dataThenCrlf() {
    CheckInfo info = CheckInfo.builder("CH-04", "Each chunk's data is exactly chunk-size bytes, then CRLF")
        .points(8).section("RFC 9112 §7.1").dependsOn("CH-02")
        .explanation("chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF. The size counts the bytes of"
            + " chunk-data, after encoding, and the data is followed by CRLF (not a bare LF) before the next"
            + " size line. Whether the body is properly ended is CH-06's question.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = get(context, download(20_000));
      HttpResponse response = Expectations.answered(exchange);
      long trailerStart = response.chunks().stream().filter(Chunk::isLast).findFirst()
          .map(Chunk::dataOffset).orElse(Long.MAX_VALUE);
      Optional<Violation> first = Expectations.firstViolationFrom(exchange, response.bodyOffset())
          .filter(violation -> violation.offset() < trailerStart && violation.rule() != Rule.INCOMPLETE_MESSAGE);
      if (first.isPresent()) throw Expectations.violation(exchange, first.get());
    });
  }

  static Check reassembles() {
    CheckInfo info = CheckInfo.builder("CH-05", "GET /download?size=100000 reassembles to exactly its bytes")
        .points(6).section("RFC 9112 §7.1.3").dependsOn("CH-02")
        .explanation("A recipient decodes chunked coding by concatenating the chunk data (RFC 9112 §7.1.3)."
            + " The result must be the 100,000 bytes the contract promises, byte k being k mod 256.")
        .build();
    return Check.of(info, context -> {
      int size = 100_000;
      body(get(context, download(size)), Lab02Requests.downloadBody(size), "RFC 9112 §7.1.3");
    });
  }

  static Check lastChunk() {
    CheckInfo info = CheckInfo.builder("CH-06", "The body ends with the last-chunk 0\\r\\n and the final CRLF")
        .points(6).section("RFC 9112 §7.1").dependsOn("CH-02")
        .explanation("chunked-body = *chunk last-chunk trailer-section CRLF. The zero-size last-chunk says"
            + " no data follows; the final CRLF ends the (possibly empty) trailer section. Without it the"
            + " client waits for trailer fields.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = get(context, download(1000));
      HttpResponse response = Expectations.answered(exchange);
      if (response.complete()) return;
      // A body whose framing broke earlier never reaches its end: say where it broke.
      Optional<Violation> broken = Expectations.firstViolationFrom(exchange, response.bodyOffset())
          .filter(violation -> violation.rule() != Rule.INCOMPLETE_MESSAGE);
      if (broken.isPresent()) throw Expectations.violation(exchange, broken.get());
      Optional<Chunk> last = response.chunks().stream().filter(Chunk::isLast).findFirst();
      long end = exchange.transcript().receivedTotal();
      String actual = "the end of the stream: " + exchange.outcome();
      if (last.isEmpty()) {
        throw failAt(exchange, end, "the last-chunk \"0\\r\\n\"", actual, "RFC 9112 §7.1");
      }
      throw failAt(exchange, end, "the final CRLF after the last-chunk (and any trailer fields)", actual,
          "RFC 9112 §7.1");
    });
  }

  static Check nothingAfterEnd() {
    CheckInfo info = CheckInfo.builder("CH-07", "Nothing follows the final CRLF, and the server then closes")
        .points(5).section("RFC 9112 §7.1, §9.6").dependsOn("CH-06")
        .explanation("The final CRLF ends the message. Anything after it is, to the client, the start of"
            + " the next response. The request said Connection: close, so the server MUST close the"
            + " connection after the response (RFC 9112 §9.6).")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = get(context, download(1000));
      nothingAfter(exchange, "the final CRLF", "RFC 9112 §7.1");
      Expectations.serverClosed(exchange);
    });
  }

  static Check zeroLengthWrite() {
    CheckInfo info = CheckInfo.builder("CH-08", "A zero-length write does not end the body early")
        .points(6).section("RFC 9112 §7.1").dependsOn("CH-02")
        .explanation("A chunk of size 0 is the last-chunk: it ends the body. /stream writes zero bytes"
            + " before each message, as code writing an empty prefix or buffer does; a chunked stream must"
            + " write no chunk at all for it.")
        .build();
    return Check.of(info, context -> {
      int count = 3;
      Exchange exchange = get(context, stream(count, 20));
      HttpResponse response = complete(exchange);
      String lines = new String(response.body(), StandardCharsets.UTF_8);
      String expected = Lab02Requests.streamLines(count);
      if (!lines.equals(expected) && exchange.bytesAfterResponse() > 0) {
        Chunk last = response.chunks().stream().filter(Chunk::isLast).findFirst().orElseThrow();
        throw failAt(exchange, last.sizeLineOffset(), count + " lines before the last-chunk",
            "the last-chunk after " + lines.lines().count() + " lines, with " + exchange.bytesAfterResponse()
                + " bytes still to come: a zero-length write became a zero-size chunk", "RFC 9112 §7.1");
      }
      body(exchange, expected.getBytes(StandardCharsets.UTF_8), "RFC 9112 §7.1");
    });
  }
}
