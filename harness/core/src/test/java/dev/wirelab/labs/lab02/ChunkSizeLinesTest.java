package dev.wirelab.labs.lab02;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Telling a decimal size line from a broken one, straight from the bytes. */
class ChunkSizeLinesTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void decimalSizeIsFoundAtItsOffsetWithTheHexItMeant() {
    byte[] body = bytes("a\r\n0123456789\r\n10\r\n0123456789\r\n0\r\n\r\n");

    var found = ChunkSizeLines.findDecimalSize(body, body.length, 0);

    assertThat(found).hasValueSatisfying(decimal -> {
      assertThat(decimal.offset()).isEqualTo(15);
      assertThat(decimal.written()).isEqualTo("10");
      assertThat(decimal.hex()).isEqualTo("a");
    });
  }

  @Test
  void hexSizesWhateverTheirCaseOrExtensionsAreFine() {
    byte[] body = bytes("A;x=1\r\n0123456789\r\n00a\r\n0123456789\r\n0\r\n\r\n");

    assertThat(ChunkSizeLines.findDecimalSize(body, body.length, 0)).isEmpty();
  }

  @Test
  void aSizeThatIsWrongEitherWayIsNotCalledDecimal() {
    byte[] body = bytes("11\r\n0123456789\r\n0\r\n\r\n");

    assertThat(ChunkSizeLines.findDecimalSize(body, body.length, 0)).isEmpty();
  }
}
