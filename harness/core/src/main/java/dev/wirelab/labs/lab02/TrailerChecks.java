package dev.wirelab.labs.lab02;

import static dev.wirelab.check.Expectations.answered;
import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.noHeader;
import static dev.wirelab.labs.lab02.Lab02Requests.download;
import static dev.wirelab.labs.lab02.Lab02Requests.get;
import static dev.wirelab.labs.lab02.Lab02Requests.getWithTrailers;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Expectations;
import dev.wirelab.client.Exchange;
import dev.wirelab.http.Chunk;
import dev.wirelab.http.HeaderField;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.Violation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Checks on the X-Content-SHA256 trailer: announced, present, correct, and only when asked for. */
final class TrailerChecks {
  static final String TRAILER = "X-Content-SHA256";
  private static final int SIZE = 100_000;

  private TrailerChecks() {}

  static List<Check> all() {
    return List.of(announced(), presentAndCorrect(), onlyWhenAsked());
  }

  static Check announced() {
    CheckInfo info = CheckInfo.builder("CH-11", "With TE: trailers, the header section announces the trailer")
        .points(5).contract().section("RFC 9110 §6.6.2").dependsOn("CH-06")
        .explanation("The Trailer field lists, in the header section, the fields that will come in the"
            + " trailer section, so the client knows to wait for them: Trailer: " + TRAILER + ".")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = getWithTrailers(context, download(SIZE));
      HttpResponse response = answered(exchange);
      boolean listed = response.headers().listValues("Trailer").stream().anyMatch(TRAILER::equalsIgnoreCase);
      if (!listed) {
        throw failAt(exchange, response.headers().field("Trailer").map(HeaderField::offset)
                .orElse(response.bodyOffset() - 2),
            "\"Trailer: " + TRAILER + "\" in the header section",
            response.headers().field("Trailer").map(field -> "\"" + field + "\"").orElse("no Trailer field"),
            "RFC 9110 §6.6.2");
      }
    });
  }

  static Check presentAndCorrect() {
    CheckInfo info = CheckInfo.builder("CH-12", "The " + TRAILER + " trailer is present, well formed and correct")
        .points(6).contract().section("RFC 9112 §7.1.2").dependsOn("CH-06")
        .explanation("trailer-section = *( field-line CRLF ) after the last-chunk, then the final CRLF. The"
            + " checksum can only be known once the whole body is written: exactly what trailers are for.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = getWithTrailers(context, download(SIZE));
      HttpResponse head = answered(exchange);
      long trailerStart = head.chunks().stream().filter(Chunk::isLast).findFirst()
          .map(Chunk::dataOffset).orElse(head.bodyOffset());
      Optional<Violation> malformed = Expectations.firstViolationFrom(exchange, trailerStart);
      if (malformed.isPresent()) throw Expectations.violation(exchange, malformed.get());
      HttpResponse response = complete(exchange);
      String expected = sha256Hex(Lab02Requests.downloadBody(SIZE));
      Optional<HeaderField> trailer = response.trailers().field(TRAILER);
      if (trailer.isEmpty()) {
        long at = response.chunks().stream().filter(Chunk::isLast).findFirst()
            .map(last -> last.dataOffset()).orElse(response.endOffset());
        throw failAt(exchange, at, "\"" + TRAILER + ": " + expected + "\" after the last-chunk",
            response.trailers().size() == 0 ? "no trailer fields" : "only " + response.trailers().fields(),
            "RFC 9112 §7.1.2");
      }
      if (!trailer.get().value().equals(expected)) {
        throw failAt(exchange, trailer.get().offset(), "\"" + TRAILER + ": " + expected + "\" (lowercase hex)",
            "\"" + trailer.get() + "\"", "RFC 9112 §7.1.2");
      }
    });
  }

  static Check onlyWhenAsked() {
    CheckInfo info = CheckInfo.builder("CH-13", "Without TE: trailers, no Trailer field and no trailer")
        .points(4).contract().section("RFC 9110 §10.1.4").dependsOn("CH-06")
        .explanation("TE: trailers (RFC 9110 §10.1.4) is how a client says it will not discard trailer"
            + " fields. This lab's contract sends the checksum trailer only to such clients; others would"
            + " silently drop it (RFC 9110 §6.5.1).")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = get(context, download(1000));
      noHeader(exchange, "Trailer", "RFC 9110 §10.1.4");
      HttpResponse response = complete(exchange);
      if (response.trailers().size() > 0) {
        HeaderField first = response.trailers().fields().get(0);
        throw failAt(exchange, first.offset(), "no trailer fields: the request had no TE: trailers",
            "\"" + first + "\"", "RFC 9110 §10.1.4");
      }
    });
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
