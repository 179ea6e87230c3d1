package dev.wirelab.http;

import static dev.wirelab.http.ParsedBothWays.parseThenClose;
import static dev.wirelab.http.ParsedBothWays.strict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken responses, each naming the rule it breaks and the offset of the offending byte. The strict
 * parser stops at the first one; violations of field semantics whose framing is still defined do not
 * stop it.
 */
@Timeout(60)
class ResponseViolationsTest {
  private static final String OK = "HTTP/1.1 200 OK\r\n";
  private static final String CHUNKED_HEAD = OK + "Transfer-Encoding: chunked\r\n\r\n"; // 47 bytes

  static Stream<Arguments> stoppingViolations() {
    return Stream.of(
        row("bare LF ends the status line", OK.replace("\r\n", "\n") + "Content-Length: 0\r\n\r\n",
            Rule.LINE_ENDING, 15),
        row("bare CR inside a field line", OK + "X: a\rb\r\n\r\n", Rule.LINE_ENDING, 21),
        row("not HTTP at all", "ICY 200 OK\r\n\r\n", Rule.STATUS_LINE, 0),
        // Judged at the first byte that rules the line out, without waiting for a line ending.
        row("another protocol's greeting, no line ending", "SSH-2.0-OpenSSH_9.2", Rule.STATUS_LINE, 0),
        row("almost HTTP, no line ending", "HTTX/1.1 200 OK", Rule.STATUS_LINE, 3),
        row("garbage where a chunk size belongs, no line ending", CHUNKED_HEAD + "lskdu018973", Rule.CHUNK_SIZE, 47),
        row("empty line instead of a status line", "\r\nHTTP/1.1 200 OK\r\n\r\n", Rule.STATUS_LINE, 0),
        row("two-digit status code", "HTTP/1.1 20 OK\r\n\r\n", Rule.STATUS_LINE, 9),
        row("no SP after the status code", "HTTP/1.1 200\r\n\r\n", Rule.STATUS_LINE, 12),
        row("lowercase HTTP-version", "http/1.1 200 OK\r\n\r\n", Rule.HTTP_VERSION, 0),
        row("HTTP-version without minor digit", "HTTP/1 200 OK\r\n\r\n", Rule.HTTP_VERSION, 0),
        row("field line without a colon", OK + "Content-Length 5\r\n\r\n", Rule.FIELD_SYNTAX, 17),
        row("field name with a space", OK + "Content Length: 5\r\n\r\n", Rule.FIELD_SYNTAX, 17),
        row("control character in a field value", OK + "X: a\u0001b\r\n\r\n", Rule.FIELD_SYNTAX, 21),
        row("vertical tab ending a field value", OK + "X: ab\u000b\r\n\r\n", Rule.FIELD_SYNTAX, 22),
        row("whitespace between field name and colon", OK + "Content-Length : 0\r\n\r\n",
            Rule.FIELD_NAME_WHITESPACE, 31),
        row("obs-fold continuation line", OK + "X: a\r\n b\r\n\r\n", Rule.OBSOLETE_LINE_FOLDING, 23),
        row("Content-Length not a number", OK + "Content-Length: 1e3\r\n\r\n", Rule.CONTENT_LENGTH_VALUE, 17),
        row("negative Content-Length", OK + "Content-Length: -1\r\n\r\n", Rule.CONTENT_LENGTH_VALUE, 17),
        row("differing Content-Length fields", OK + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
            Rule.CONTENT_LENGTH_VALUE, 36),
        row("differing values in one Content-Length", OK + "Content-Length: 5, 6\r\n\r\nhello",
            Rule.CONTENT_LENGTH_VALUE, 17),
        row("chunk size not hexadecimal", CHUNKED_HEAD + "zz\r\n", Rule.CHUNK_SIZE, 47),
        row("chunk size followed by junk", CHUNKED_HEAD + "5x\r\nhello\r\n0\r\n\r\n", Rule.CHUNK_SIZE, 48),
        row("chunk size of sixteen significant digits", CHUNKED_HEAD + "1000000000000005\r\nhello\r\n", Rule.CHUNK_SIZE, 47),
        row("chunk extension without a name", CHUNKED_HEAD + "5;=v\r\nhello\r\n0\r\n\r\n", Rule.CHUNK_EXTENSION, 48),
        row("chunk longer than its size line says", CHUNKED_HEAD + "5\r\nhello!\r\n", Rule.CHUNK_DATA_END, 55),
        row("bare LF after chunk data", CHUNKED_HEAD + "5\r\nhello\n0\r\n\r\n", Rule.CHUNK_DATA_END, 55),
        row("CR without LF after chunk data", CHUNKED_HEAD + "5\r\nhello\rX", Rule.CHUNK_DATA_END, 56),
        // "10" meant as ten: sixteen bytes are taken as data, so the overrun shows where the CRLF is missing.
        row("chunk size written in decimal", CHUNKED_HEAD + "10\r\n0123456789\r\n0\r\n\r\n", Rule.CHUNK_DATA_END, 67),
        row("trailer line without a colon", CHUNKED_HEAD + "0\r\nnot a trailer\r\n\r\n", Rule.TRAILER_SECTION, 50),
        row("field line longer than 8 KiB", OK + "X: " + "a".repeat(8200) + "\r\n\r\n", Rule.HEADER_TOO_LARGE, 17),
        // 17 + 70 * 1000 bytes: the 65,537th byte, at offset 65536, is one too many.
        row("header section larger than 64 KiB", OK + fillerFields(70), Rule.HEADER_TOO_LARGE, 65536));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stoppingViolations")
  void strictParserStopsAtTheFirstViolation(String scenario, String wire, Rule rule, long offset) {
    HttpResponse response = strict(wire).response();

    assertThat(response.complete()).as("complete").isFalse();
    assertThat(response.violations()).as("violations").hasSize(1);
    Violation violation = response.violations().get(0);
    assertThat(violation.rule()).isEqualTo(rule);
    assertThat(violation.offset()).isEqualTo(offset);
    assertThat(response.progress()).isEqualTo("stopped at a violation at byte " + offset);
  }

  @Test
  void everyRuleHasAVectorSomewhereInTheseTests() {
    Set<Rule> covered = EnumSet.noneOf(Rule.class);
    stoppingViolations().forEach(row -> covered.add((Rule) row.get()[2]));
    covered.addAll(List.of(Rule.CONTENT_LENGTH_NOT_ALLOWED, Rule.TRANSFER_ENCODING_NOT_ALLOWED,
        Rule.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, Rule.TRANSFER_CODING, Rule.INCOMPLETE_MESSAGE,
        Rule.HEADER_SECTION_END, Rule.TRANSFER_ENCODING_TO_HTTP10)); // the tests below

    assertThat(covered).containsExactlyInAnyOrder(Rule.values());
  }

  @Test
  void violationReadsAsExpectedButWasWithTheRfcSection() {
    Violation violation = strict(OK.replace("\r\n", "\n")).response().violations().get(0);

    assertThat(violation.message()).isEqualTo("expected \"\\r\\n\" but was a bare \"\\n\"");
    assertThat(violation).hasToString(
        "line-ending at byte 15: expected \"\\r\\n\" but was a bare \"\\n\" (RFC 9112 §2.2)");
  }

  @Test
  void contentLengthInA204IsRecordedAndTheResponseEndsAtTheEmptyLine() {
    String head = "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n";
    ParsedBothWays parsed = strict(head + "hello");

    assertThat(parsed.response().complete()).isTrue();
    assertThat(parsed.response().framing()).isEqualTo(Framing.NONE);
    assertThat(parsed.consumed()).isEqualTo(head.length()); // "hello" is not this response's
    Violation violation = parsed.onlyViolation();
    assertThat(violation.rule()).isEqualTo(Rule.CONTENT_LENGTH_NOT_ALLOWED);
    assertThat(violation.offset()).isEqualTo(25);
    assertThat(violation.actual()).isEqualTo("Content-Length: 5");
  }

  @Test
  void transferEncodingInA1xxIsRecorded() {
    ParsedBothWays parsed = strict("HTTP/1.1 101 Switching Protocols\r\nTransfer-Encoding: chunked\r\n\r\n");

    assertThat(parsed.response().complete()).isTrue();
    assertThat(parsed.response().framing()).isEqualTo(Framing.NONE);
    Violation violation = parsed.onlyViolation();
    assertThat(violation.rule()).isEqualTo(Rule.TRANSFER_ENCODING_NOT_ALLOWED);
    assertThat(violation.offset()).isEqualTo(34);
  }

  @Test
  void contentLengthBesideTransferEncodingIsIgnoredForFramingAndRecorded() {
    String wire = OK + "Transfer-Encoding: chunked\r\nContent-Length: 100\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    ParsedBothWays parsed = strict(wire);

    assertThat(parsed.response().complete()).isTrue();
    assertThat(parsed.response().framing()).isEqualTo(Framing.CHUNKED);
    assertThat(parsed.response().declaredLength()).isEqualTo(-1);
    assertThat(parsed.bodyText()).isEqualTo("hello");
    Violation violation = parsed.onlyViolation();
    assertThat(violation.rule()).isEqualTo(Rule.CONTENT_LENGTH_WITH_TRANSFER_ENCODING);
    assertThat(violation.offset()).isEqualTo(45);
  }

  @Test
  void chunkedAnswerToAnHttp10RequestIsRecordedButStillDecoded() {
    String wire = CHUNKED_HEAD + "5\r\nhello\r\n0\r\n\r\n";
    ResponseParser parser = new ResponseParser("GET", "HTTP/1.0", ParseMode.STRICT);
    parser.feed(wire.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    HttpResponse response = parser.response();
    assertThat(response.complete()).isTrue();
    assertThat(response.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.rule()).isEqualTo(Rule.TRANSFER_ENCODING_TO_HTTP10);
      assertThat(violation.offset()).isEqualTo(17);
      assertThat(violation.rule().section()).isEqualTo("RFC 9112 §6.1");
    });
  }

  @Test
  void chunkedAnswerToAnHttp11RequestIsFine() {
    assertThat(strict(CHUNKED_HEAD + "0\r\n\r\n").response().violations()).isEmpty();
  }

  @Test
  void connectionClosedInsideTheBodyIsAnIncompleteMessage() {
    String wire = OK + "Content-Length: 14\r\n\r\nHello, wir";
    ParsedBothWays parsed = parseThenClose(ParseMode.STRICT, "GET", wire);

    assertThat(parsed.response().complete()).isFalse();
    Violation violation = parsed.onlyViolation();
    assertThat(violation.rule()).isEqualTo(Rule.INCOMPLETE_MESSAGE);
    assertThat(violation.offset()).isEqualTo(wire.length());
    assertThat(violation.actual()).isEqualTo("the connection closed with the response incomplete "
        + "(headers complete, Content-Length 14, 10 body bytes received)");
  }

  @Test
  void connectionClosedInsideAChunkIsAnIncompleteMessage() {
    ParsedBothWays parsed = parseThenClose(ParseMode.STRICT, "GET", CHUNKED_HEAD + "5\r\nHel");

    Violation violation = parsed.onlyViolation();
    assertThat(violation.rule()).isEqualTo(Rule.INCOMPLETE_MESSAGE);
    assertThat(violation.actual()).contains("headers complete, chunked, 0 chunks (3 bytes) received, inside a chunk");
  }

  @Test
  void connectionClosedBeforeTheEmptyLineLeavesTheHeaderSectionUnended() {
    String wire = OK + "Content-Length: 5\r\n";
    ParsedBothWays parsed = parseThenClose(ParseMode.STRICT, "GET", wire);

    Violation violation = parsed.onlyViolation();
    assertThat(violation.rule()).isEqualTo(Rule.HEADER_SECTION_END);
    assertThat(violation.offset()).isEqualTo(wire.length());
    assertThat(parsed.response().headersComplete()).isFalse();
  }

  @Test
  void connectionClosedBeforeAnyByteIsNoStatusLine() {
    ParsedBothWays parsed = parseThenClose(ParseMode.STRICT, "GET", "");

    Violation violation = parsed.onlyViolation();
    assertThat(violation.rule()).isEqualTo(Rule.STATUS_LINE);
    assertThat(violation.offset()).isZero();
    assertThat(violation.actual()).isEqualTo("the connection closed before any byte of a response");
  }

  private static Arguments row(String scenario, String wire, Rule rule, long offset) {
    return Arguments.of(scenario, wire, rule, offset);
  }

  /** Field lines of exactly 1000 bytes each. */
  private static String fillerFields(int count) {
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < count; i++) {
      fields.append(String.format("X-Filler-%02d: ", i)).append("a".repeat(985)).append("\r\n");
    }
    return fields.toString();
  }
}
