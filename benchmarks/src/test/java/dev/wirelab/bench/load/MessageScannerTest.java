package dev.wirelab.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageScannerTest {
  private final List<String> messages = new ArrayList<>();
  private final MessageScanner scanner = new MessageScanner((id, sequence, arrivalNanos) ->
      messages.add(id + "/" + sequence + "@" + arrivalNanos));

  @Test
  void oneMessagePerChunk() {
    scan("<p data-id=\"7\">load 3</p>\n", 1);
    scan("<p data-id=\"8\">load 4</p>\n", 2);

    assertThat(messages).containsExactly("7/3@1", "8/4@2");
  }

  @Test
  void aMessageSplitAcrossChunksCountsWhenItsEndArrives() {
    scan("<p data-id=\"12\">lo", 1);
    scan("ad 9</p>\n<p data-i", 2);
    scan("d=\"13\">load 10</p>\n", 3);

    assertThat(messages).containsExactly("12/9@2", "13/10@3");
  }

  @Test
  void severalMessagesInOneChunk() {
    scan("<p data-id=\"1\">load 0</p>\n<p data-id=\"2\">load 1</p>\n", 5);

    assertThat(messages).containsExactly("1/0@5", "2/1@5");
  }

  @Test
  void someoneElsesMessageHasNoSequence() {
    scan("<p data-id=\"3\">hello &amp; welcome</p>\n", 1);

    assertThat(messages).containsExactly("3/-1@1");
  }

  @Test
  void preludeAndHeartbeatsHoldNoMessage() {
    scan("<!DOCTYPE html>" + " ".repeat(1009), 1);
    scan("<!-- heartbeat -->\n", 2);

    assertThat(messages).isEmpty();
  }

  private void scan(String text, long arrivalNanos) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    scanner.scan(bytes, bytes.length, arrivalNanos);
  }
}
