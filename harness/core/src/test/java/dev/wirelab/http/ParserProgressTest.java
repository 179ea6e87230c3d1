package dev.wirelab.http;

import static dev.wirelab.http.ParsedBothWays.strict;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@code progress()} tells a student about a response that stopped arriving part-way. */
@Timeout(60)
class ParserProgressTest {
  private static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

  @Test
  void freshParserHasSeenNoBytes() {
    assertThat(new ResponseParser("GET").progress()).isEqualTo("no bytes received");
  }

  @Test
  void partOfAStatusLine() {
    assertThat(progressAfter("HTTP/1.1 2")).isEqualTo("status line incomplete");
  }

  @Test
  void partOfTheHeaderSection() {
    assertThat(progressAfter("HTTP/1.1 200 OK\r\nServer: lab\r\nDate: x\r\n"))
        .isEqualTo("status line read, header section incomplete after 2 fields");
  }

  @Test
  void partOfAContentLengthBody() {
    assertThat(progressAfter("HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\nHello, wir"))
        .isEqualTo("headers complete, Content-Length 14, 10 body bytes received");
  }

  @Test
  void waitingForTheNextChunkSizeLine() {
    assertThat(progressAfter(CHUNKED_HEAD + "5\r\nhello\r\n"))
        .isEqualTo("headers complete, chunked, 1 chunks (5 bytes) received, waiting for a chunk size line");
  }

  @Test
  void insideAChunk() {
    assertThat(progressAfter(CHUNKED_HEAD + "5\r\nhel"))
        .isEqualTo("headers complete, chunked, 0 chunks (3 bytes) received, inside a chunk");
  }

  @Test
  void insideTheTrailerSection() {
    assertThat(progressAfter(CHUNKED_HEAD + "5\r\nhello\r\n0\r\nChecksum: abc\r\n"))
        .isEqualTo("headers complete, chunked, last-chunk received, trailer section incomplete");
  }

  @Test
  void closeDelimitedBodyStillArriving() {
    assertThat(progressAfter("HTTP/1.1 200 OK\r\n\r\nabc")).isEqualTo(
        "headers complete, no Content-Length or chunked, so the body runs until the server closes; "
            + "3 body bytes received");
  }

  @Test
  void completeResponsesSayHowTheyWereFramed() {
    assertThat(progressAfter("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"))
        .isEqualTo("complete: Content-Length 2, 2 body bytes");
    assertThat(progressAfter(CHUNKED_HEAD + "2\r\nhi\r\n1\r\n!\r\n0\r\n\r\n"))
        .isEqualTo("complete: chunked, 2 chunks, 3 body bytes");
    assertThat(progressAfter("HTTP/1.1 204 No Content\r\n\r\n")).isEqualTo("complete: no body, 0 body bytes");
  }

  @Test
  void feedingAfterCompletionConsumesNothing() {
    ResponseParser parser = new ResponseParser("GET");
    byte[] response = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] next = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(parser.feed(response)).isEqualTo(response.length);
    assertThat(parser.feed(next, 0, next.length, response.length, 0)).isZero();
    assertThat(parser.response().endOffset()).isEqualTo(response.length);
  }

  @Test
  void endOfInputAfterCompletionChangesNothing() {
    ResponseParser parser = new ResponseParser("GET");
    parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi".getBytes(StandardCharsets.ISO_8859_1));

    parser.endOfInput(40);

    assertThat(parser.response().isValid()).isTrue();
    assertThat(parser.response().endOffset()).isEqualTo(40);
  }

  private static String progressAfter(String wire) {
    return strict(wire).response().progress();
  }
}
