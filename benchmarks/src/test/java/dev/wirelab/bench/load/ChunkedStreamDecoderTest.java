package dev.wirelab.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkedStreamDecoderTest {
  private static final String HEAD = "HTTP/1.1 200 OK\r\n"
      + "Content-Type: text/html; charset=utf-8\r\n"
      + "Transfer-encoding: chunked\r\n"
      + "\r\n";
  private static final String BODY = "f\r\n<!DOCTYPE html>\r\n"
      + "1a\r\n<p data-id=\"7\">load 3</p>\n\r\n"
      + "13;note=x\r\n<!-- heartbeat -->\n\r\n";

  private final List<String> chunks = new ArrayList<>();
  private final List<Long> arrivals = new ArrayList<>();
  private final ChunkedStreamDecoder decoder = new ChunkedStreamDecoder((data, byteCount, arrivalNanos) -> {
    chunks.add(new String(data, 0, byteCount, StandardCharsets.UTF_8));
    arrivals.add(arrivalNanos);
  });

  @Test
  void deliversEachChunkWhole() {
    feed(HEAD + BODY, 5);

    assertThat(decoder.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(chunks).containsExactly("<!DOCTYPE html>", "<p data-id=\"7\">load 3</p>\n", "<!-- heartbeat -->\n");
    assertThat(decoder.step()).isEqualTo(ChunkedStreamDecoder.Step.READ_CHUNK_SIZE);
  }

  @Test
  void sameChunksWhereverTheReadsSplitTheBytes() {
    byte[] bytes = (HEAD + BODY).getBytes(StandardCharsets.US_ASCII);
    for (int split = 1; split < bytes.length; split++) {
      List<String> seen = new ArrayList<>();
      ChunkedStreamDecoder fresh = new ChunkedStreamDecoder((data, byteCount, arrivalNanos) ->
          seen.add(new String(data, 0, byteCount, StandardCharsets.UTF_8)));
      fresh.feed(bytes, 0, split, 1);
      fresh.feed(bytes, split, bytes.length, 2);
      assertThat(seen).as("split at %d", split).hasSize(3).contains("<p data-id=\"7\">load 3</p>\n");
    }
  }

  @Test
  void aChunkArrivesWithItsLastByte() {
    byte[] bytes = (HEAD + "1a\r\n<p data-id=\"7\">load 3</p>\n\r\n").getBytes(StandardCharsets.US_ASCII);
    int middle = bytes.length - 10;
    decoder.feed(bytes, 0, middle, 100);
    decoder.feed(bytes, middle, bytes.length, 200);

    assertThat(arrivals).containsExactly(200L);
  }

  @Test
  void theLastChunkEndsTheStream() {
    feed(HEAD + "5\r\nhello\r\n0\r\n\r\n", 1000);

    assertThat(chunks).containsExactly("hello");
    assertThat(decoder.step()).isEqualTo(ChunkedStreamDecoder.Step.ENDED);
  }

  @Test
  void anAnswerOtherThan200Fails() {
    feed("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", 1000);

    assertThat(decoder.step()).isEqualTo(ChunkedStreamDecoder.Step.FAILED);
    assertThat(decoder.failure()).isEqualTo("expected \"HTTP/1.1 200 OK\" but was \"HTTP/1.1 404 Not Found\"");
  }

  @Test
  void aStreamWithoutChunkedFails() {
    feed("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 1000);

    assertThat(decoder.failure()).isEqualTo("expected Transfer-Encoding: chunked but the head had none");
  }

  @Test
  void chunkDataLongerThanItsSizeFails() {
    feed(HEAD + "3\r\nhello\r\n", 1000);

    assertThat(decoder.failure()).isEqualTo("expected \"\\r\\n\" after 3 bytes of chunk data but was \"l\"");
    assertThat(chunks).isEmpty();
  }

  @Test
  void aDecimalLookingSizeIsReadAsHex() {
    feed(HEAD + "10\r\n<p data-id=\"1\">x\r\n", 1000);

    assertThat(chunks).containsExactly("<p data-id=\"1\">x");
  }

  private void feed(String text, int readSize) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    for (int from = 0; from < bytes.length; from += readSize) {
      decoder.feed(bytes, from, Math.min(bytes.length, from + readSize), from);
    }
  }
}
