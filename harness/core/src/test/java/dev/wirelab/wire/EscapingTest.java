package dev.wirelab.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EscapingTest {

  @Test
  void lineEndingsStayVisible() {
    assertThat(Escaping.escape(ascii("HTTP/1.1 200 OK\r\nA: b\n\r\n")))
        .isEqualTo("HTTP/1.1 200 OK\\r\\nA: b\\n\\r\\n");
  }

  @Test
  void tabAndBackslashAreEscapedSoTheTextIsUnambiguous() {
    assertThat(Escaping.escape(ascii("a\tb\\r"))).isEqualTo("a\\tb\\\\r");
  }

  @Test
  void otherBytesBecomeUppercaseHex() {
    byte[] bytes = {0x00, 0x1b, 0x7f, (byte) 0x80, (byte) 0xff, 'A'};

    assertThat(Escaping.escape(bytes)).isEqualTo("\\x00\\x1B\\x7F\\x80\\xFFA");
  }

  @Test
  void rangeEscapesOnlyThoseBytes() {
    assertThat(Escaping.escape(ascii("xx\r\nyy"), 2, 4)).isEqualTo("\\r\\n");
  }

  @Test
  void printfFormIsSafeInsideSingleQuotes() {
    byte[] bytes = {'1', '0', '0', '%', ' ', 'i', 't', '\'', 's', '\r', '\n', '\\', '\t', (byte) 0xff};

    assertThat(Escaping.forPrintf(bytes)).isEqualTo("100%% it'\\''s\\r\\n\\\\\\011\\377");
  }

  @Test
  void printfFormReproducesTheExactBytes() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    byte[] bytes = {'G', 'E', 'T', ' ', '/', '%', '7', 'e', ' ', '\'', '"', '\\', 'n', '\r', '\n', 0x01,
        (byte) 0xc3, (byte) 0xa9, '\t', '$', 'H', 'O', 'M', 'E', '\r', '\n'};

    Process printf = new ProcessBuilder("/bin/sh", "-c", "printf '" + Escaping.forPrintf(bytes) + "'")
        .redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    printf.getInputStream().transferTo(output);
    assertThat(printf.waitFor(10, TimeUnit.SECONDS)).isTrue();

    assertThat(Escaping.escape(output.toByteArray())).isEqualTo(Escaping.escape(bytes));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
