package dev.wirelab.http;

import static dev.wirelab.http.ParsedBothWays.parse;
import static dev.wirelab.http.ParsedBothWays.parseThenClose;
import static dev.wirelab.http.ParsedBothWays.strict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One test per framing of RFC 9112 §6.3, each vector fed whole and one byte at a time. */
@Timeout(60)
class ResponseFramingTest {
  private static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

  @Test
  void contentLengthBodyIsExactlyThatManyBytes() {
    ParsedBothWays parsed = strict("HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\nHello, wirelab");

    HttpResponse response = parsed.response();
    assertThat(response.isValid()).isTrue();
    assertThat(response.statusLine()).isEqualTo(new StatusLine("HTTP/1.1", 200, "OK", 0));
    assertThat(response.headers().value("content-length")).hasValue("14");
    assertThat(response.framing()).isEqualTo(Framing.CONTENT_LENGTH);
    assertThat(response.declaredLength()).isEqualTo(14);
    assertThat(response.bodyOffset()).isEqualTo(39);
    assertThat(parsed.bodyText()).isEqualTo("Hello, wirelab");
    assertThat(response.endOffset()).isEqualTo(53);
    assertThat(parsed.consumed()).isEqualTo(53);
  }

  @Test
  void contentLengthZeroEndsAtTheEmptyLine() {
    ParsedBothWays parsed = strict("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nextra");

    assertThat(parsed.response().isValid()).isTrue();
    assertThat(parsed.response().body()).isEmpty();
    assertThat(parsed.consumed()).isEqualTo(38);
  }

  @Test
  void pipelinedSecondResponseIsLeftUnconsumed() {
    String first = "HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\nHello, wirelab";
    ParsedBothWays parsed = strict(first + "HTTP/1.1 204 No Content\r\n\r\n");

    assertThat(parsed.response().isValid()).isTrue();
    assertThat(parsed.bodyText()).isEqualTo("Hello, wirelab");
    assertThat(parsed.consumed()).isEqualTo(first.length());
  }

  @Test
  void repeatedEqualContentLengthsFrameTheBodyButAreRecorded() {
    ParsedBothWays parsed = strict("HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello");

    assertThat(parsed.response().complete()).isTrue();
    assertThat(parsed.response().declaredLength()).isEqualTo(5);
    assertThat(parsed.bodyText()).isEqualTo("hello");
    assertThat(parsed.onlyViolation().rule()).isEqualTo(Rule.CONTENT_LENGTH_VALUE);
  }

  @Test
  void leadingZerosInLengthsAreStillDecimalAndHex() {
    assertThat(strict("HTTP/1.1 200 OK\r\nContent-Length: 0002\r\n\r\nhi").response().isValid()).isTrue();
    ParsedBothWays chunked = strict("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "0000000000000000002\r\nhi\r\n0\r\n\r\n");
    assertThat(chunked.response().isValid()).isTrue();
    assertThat(chunked.bodyText()).isEqualTo("hi");
  }

  @Test
  void responseToHeadHasNoBodyWhateverContentLengthSays() {
    String head = "HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\n";
    ParsedBothWays parsed = parse(ParseMode.STRICT, "HEAD", head + "HTTP/1.1 200 OK\r\n");

    assertThat(parsed.response().isValid()).isTrue();
    assertThat(parsed.response().framing()).isEqualTo(Framing.NONE);
    assertThat(parsed.response().declaredLength()).isEqualTo(-1);
    assertThat(parsed.response().body()).isEmpty();
    assertThat(parsed.consumed()).isEqualTo(head.length());
  }

  @Test
  void interimResponsesAreReadPastToTheFinalOne() {
    String interim = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n";
    String wire = interim + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";
    ParsedBothWays parsed = strict(wire);

    assertThat(parsed.response().isValid()).isTrue();
    assertThat(parsed.response().code()).isEqualTo(200);
    assertThat(parsed.response().interimResponses()).isEqualTo(2);
    assertThat(parsed.response().headers().has("Link")).isFalse();
    assertThat(parsed.response().bodyOffset()).isEqualTo(wire.length() - 2);
    assertThat(parsed.bodyText()).isEqualTo("hi");
  }

  @Test
  void switchingProtocolsIsTheFinalResponseOnThisConnection() {
    String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n";
    ParsedBothWays parsed = strict(head + "\u0081");

    assertThat(parsed.response().code()).isEqualTo(101);
    assertThat(parsed.response().framing()).isEqualTo(Framing.NONE);
    assertThat(parsed.consumed()).isEqualTo(head.length()); // the rest is the new protocol's
  }

  @Test
  void noContentResponseHasNoBody() {
    ParsedBothWays parsed = strict("HTTP/1.1 204 No Content\r\n\r\n");

    assertThat(parsed.response().isValid()).isTrue();
    assertThat(parsed.response().framing()).isEqualTo(Framing.NONE);
    assertThat(parsed.response().statusLine().reason()).isEqualTo("No Content");
    assertThat(parsed.response().endOffset()).isEqualTo(27);
  }

  @Test
  void notModifiedMayCarryContentLengthButHasNoBody() {
    String notModified = "HTTP/1.1 304 Not Modified\r\nContent-Length: 14\r\n\r\n";
    ParsedBothWays parsed = strict(notModified + "Hello, wirelab");

    assertThat(parsed.response().isValid()).isTrue();
    assertThat(parsed.response().framing()).isEqualTo(Framing.NONE);
    assertThat(parsed.consumed()).isEqualTo(notModified.length());
  }

  @Test
  void chunkedBodyKeepsChunkSizesOffsetsExtensionsAndTrailers() {
    String wire = CHUNKED_HEAD
        + "5;name=value\r\nHello\r\n"
        + "7\r\n, world\r\n"
        + "0\r\n"
        + "Checksum: abc\r\n"
        + "\r\n";
    ParsedBothWays parsed = strict(wire + "HTTP/1.1 200 OK\r\n");

    HttpResponse response = parsed.response();
    assertThat(response.isValid()).isTrue();
    assertThat(response.framing()).isEqualTo(Framing.CHUNKED);
    assertThat(response.bodyOffset()).isEqualTo(47);
    assertThat(parsed.bodyText()).isEqualTo("Hello, world");
    assertThat(response.chunks())
        .extracting(Chunk::sizeLineOffset, Chunk::sizeLine, Chunk::size, Chunk::extensions, Chunk::dataOffset)
        .containsExactly(
            tuple(47L, "5;name=value", 5L, ";name=value", 61L),
            tuple(68L, "7", 7L, "", 71L),
            tuple(80L, "0", 0L, "", 83L));
    assertThat(response.dataChunks()).extracting(Chunk::size).containsExactly(5L, 7L);
    assertThat(response.trailers().fields()).containsExactly(new HeaderField("Checksum", "abc", 83));
    assertThat(response.endOffset()).isEqualTo(100);
    assertThat(parsed.consumed()).isEqualTo(wire.length());
  }

  @Test
  void bodyByteOffsetsSkipChunkBoundaries() {
    HttpResponse response = strict(CHUNKED_HEAD + "5\r\nHello\r\n7\r\n, world\r\n0\r\n\r\n").response();

    assertThat(response.streamOffsetOfBodyByte(0)).isEqualTo(50); // 'H'
    assertThat(response.streamOffsetOfBodyByte(4)).isEqualTo(54); // 'o'
    assertThat(response.streamOffsetOfBodyByte(5)).isEqualTo(60); // ',' after "\r\n7\r\n"
  }

  @Test
  void hexChunkSizesInEitherCaseAreAccepted() {
    String data = "x".repeat(0x1a);
    ParsedBothWays parsed = strict(CHUNKED_HEAD + "1A\r\n" + data + "\r\n1a\r\n" + data + "\r\n0\r\n\r\n");

    assertThat(parsed.response().isValid()).isTrue();
    assertThat(parsed.response().dataChunks()).extracting(Chunk::size).containsExactly(26L, 26L);
  }

  @Test
  void closeDelimitedBodyIsIncompleteUntilTheServerCloses() {
    String wire = "HTTP/1.1 200 OK\r\n\r\nuntil the server closes";

    ParsedBothWays open = strict(wire);
    assertThat(open.response().complete()).isFalse();
    assertThat(open.response().framing()).isEqualTo(Framing.CLOSE_DELIMITED);
    assertThat(open.consumed()).isEqualTo(wire.length());

    ParsedBothWays closed = parseThenClose(ParseMode.STRICT, "GET", wire);
    assertThat(closed.response().isValid()).isTrue();
    assertThat(closed.bodyText()).isEqualTo("until the server closes");
    assertThat(closed.response().endOffset()).isEqualTo(wire.length());
  }

  @Test
  void transferCodingOtherThanChunkedLastMeansCloseDelimited() {
    String wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n\u001f\u008b";

    ParsedBothWays parsed = parseThenClose(ParseMode.STRICT, "GET", wire);

    assertThat(parsed.response().framing()).isEqualTo(Framing.CLOSE_DELIMITED);
    assertThat(parsed.response().complete()).isTrue();
    assertThat(parsed.response().body()).containsExactly(0x1f, 0x8b);
    // RFC 9112 §6.1 lets a server end a response whose final coding is not chunked by closing.
    assertThat(parsed.response().violations()).isEmpty();
  }

  @Test
  void chunkedAppliedTwiceIsRecordedButStillChunked() {
    String wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n";

    ParsedBothWays parsed = strict(wire);

    assertThat(parsed.response().framing()).isEqualTo(Framing.CHUNKED);
    assertThat(parsed.response().complete()).isTrue();
    assertThat(parsed.bodyText()).isEqualTo("hi");
    assertThat(parsed.onlyViolation().rule()).isEqualTo(Rule.TRANSFER_CODING);
  }

  @Test
  void arrivalTimesComeFromTheFeedThatCarriedEachByte() {
    byte[] bytes = (CHUNKED_HEAD + "5\r\nHello\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    ResponseParser parser = new ResponseParser("GET");
    for (int offset = 0; offset < bytes.length; offset++) {
      parser.feed(bytes, offset, offset + 1, offset, 1_000L * offset);
    }

    HttpResponse response = parser.response();
    assertThat(response.headerCompleteNanos()).isEqualTo(46_000); // the LF of the empty line
    Chunk hello = response.dataChunks().get(0);
    assertThat(hello.firstByteNanos()).isEqualTo(47_000); // the '5' of its size line
    assertThat(hello.lastByteNanos()).isEqualTo(54_000); // the final 'o'
    assertThat(hello.arrivalMillis()).isEqualTo(0.047);
  }
}
