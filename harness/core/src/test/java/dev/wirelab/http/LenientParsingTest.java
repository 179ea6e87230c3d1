package dev.wirelab.http;

import static dev.wirelab.http.ParsedBothWays.lenient;
import static dev.wirelab.http.ParsedBothWays.strict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lenient mode records each violation and carries on where a tolerant recipient could. */
@Timeout(60)
class LenientParsingTest {
  private static final String BARE_LF_RESPONSE = "HTTP/1.1 200 OK\nContent-Length: 5\n\nhello";
  private static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

  @Test
  void strictStopsAtTheFirstBareLf() {
    HttpResponse response = strict(BARE_LF_RESPONSE).response();

    assertThat(response.complete()).isFalse();
    assertThat(response.headersComplete()).isFalse();
    assertThat(response.violations()).extracting(Violation::rule, Violation::offset)
        .containsExactly(tuple(Rule.LINE_ENDING, 15L));
  }

  @Test
  void lenientRecordsEveryBareLfAndReadsTheBody() {
    ParsedBothWays parsed = lenient(BARE_LF_RESPONSE);

    HttpResponse response = parsed.response();
    assertThat(response.complete()).isTrue();
    assertThat(response.isValid()).isFalse();
    assertThat(response.violations()).extracting(Violation::rule, Violation::offset)
        .containsExactly(tuple(Rule.LINE_ENDING, 15L), tuple(Rule.LINE_ENDING, 33L), tuple(Rule.LINE_ENDING, 34L));
    assertThat(parsed.bodyText()).isEqualTo("hello");
    assertThat(response.endOffset()).isEqualTo(40);
  }

  @Test
  void bodyAfterABareLfEmptyLineStartsRightAfterThatLf() {
    HttpResponse response = lenient(BARE_LF_RESPONSE).response();

    assertThat(response.bodyOffset()).isEqualTo(35);
    assertThat(response.streamOffsetOfBodyByte(0)).isEqualTo(35);
  }

  @Test
  void malformedFieldLineIsSkipped() {
    ParsedBothWays parsed = lenient("HTTP/1.1 200 OK\r\nbogus\r\nContent-Length: 2\r\n\r\nhi");

    assertThat(parsed.response().complete()).isTrue();
    assertThat(parsed.response().headers().fields()).extracting(HeaderField::name).containsExactly("Content-Length");
    assertThat(parsed.bodyText()).isEqualTo("hi");
    assertThat(parsed.onlyViolation().rule()).isEqualTo(Rule.FIELD_SYNTAX);
  }

  @Test
  void whitespaceBeforeTheColonStillNamesTheField() {
    ParsedBothWays parsed = lenient("HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\nhi");

    assertThat(parsed.response().framing()).isEqualTo(Framing.CONTENT_LENGTH);
    assertThat(parsed.bodyText()).isEqualTo("hi");
    assertThat(parsed.onlyViolation().rule()).isEqualTo(Rule.FIELD_NAME_WHITESPACE);
  }

  @Test
  void obsFoldIsJoinedToThePreviousFieldWithOneSpace() {
    ParsedBothWays parsed = lenient("HTTP/1.1 200 OK\r\nX-Note: one\r\n\t two\r\nContent-Length: 0\r\n\r\n");

    assertThat(parsed.response().complete()).isTrue();
    assertThat(parsed.response().headers().value("X-Note")).hasValue("one two");
    assertThat(parsed.onlyViolation().rule()).isEqualTo(Rule.OBSOLETE_LINE_FOLDING);
  }

  @Test
  void bareLfAfterChunkDataEndsTheChunk() {
    ParsedBothWays parsed = lenient(CHUNKED_HEAD + "5\r\nhello\n0\r\n\r\n");

    assertThat(parsed.response().complete()).isTrue();
    assertThat(parsed.bodyText()).isEqualTo("hello");
    assertThat(parsed.onlyViolation().offset()).isEqualTo(55);
  }

  @Test
  void malformedChunkExtensionIsRecordedAndTheChunkRead() {
    ParsedBothWays parsed = lenient(CHUNKED_HEAD + "5;=v\r\nhello\r\n0\r\n\r\n");

    assertThat(parsed.response().complete()).isTrue();
    assertThat(parsed.bodyText()).isEqualTo("hello");
    assertThat(parsed.onlyViolation().rule()).isEqualTo(Rule.CHUNK_EXTENSION);
  }

  @Test
  void chunkLongerThanItsSizeStopsEvenLenientParsing() {
    HttpResponse response = lenient(CHUNKED_HEAD + "5\r\nhello!\r\n0\r\n\r\n").response();

    assertThat(response.complete()).isFalse();
    assertThat(response.violations()).extracting(Violation::rule).containsExactly(Rule.CHUNK_DATA_END);
  }

  @Test
  void notHttpStopsEvenLenientParsing() {
    HttpResponse response = lenient("SSH-2.0-OpenSSH_9.6\r\n").response();

    assertThat(response.complete()).isFalse();
    assertThat(response.hasStatusLine()).isFalse();
    assertThat(response.violations()).extracting(Violation::rule).containsExactly(Rule.STATUS_LINE);
  }
}
