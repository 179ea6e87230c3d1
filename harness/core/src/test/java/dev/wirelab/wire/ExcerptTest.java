package dev.wirelab.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ExcerptTest {

  @Test
  void caretSitsUnderTheOffendingByte() {
    Excerpt excerpt = Excerpt.around(ascii("HTTP/1.1 200 OK\nContent-Length: 14\n"), 15);

    assertThat(excerpt.withCaret("  ")).isEqualTo(""
        + "  HTTP/1.1 200 OK\\nContent-Length: 14\\n\n"
        + "                 ^");
    assertThat(excerpt.caretColumn()).isEqualTo(15);
    assertThat(excerpt.fromOffset()).isZero();
  }

  @Test
  void escapesBeforeTheOffsetMoveTheCaretByTheirWidth() {
    Excerpt excerpt = Excerpt.around(ascii("a\r\n\u0001b"), 4);

    assertThat(excerpt.text()).isEqualTo("a\\r\\n\\x01b");
    assertThat(excerpt.caretColumn()).isEqualTo(9);
    assertThat(excerpt.text().charAt(excerpt.caretColumn())).isEqualTo('b');
  }

  @Test
  void longTextIsCutToFortyEightCharactersEitherSide() {
    byte[] bytes = ascii("0123456789".repeat(20));

    Excerpt excerpt = Excerpt.around(bytes, 100);

    assertThat(excerpt.fromOffset()).isEqualTo(52);
    assertThat(excerpt.text()).startsWith("…").endsWith("…").hasSize(1 + 96 + 1);
    assertThat(excerpt.caretColumn()).isEqualTo(49);
    assertThat(excerpt.text().charAt(excerpt.caretColumn())).isEqualTo('0'); // byte 100
  }

  @Test
  void binaryBytesTakeFourCharactersSoFewerOfThemFit() {
    byte[] bytes = new byte[100];
    java.util.Arrays.fill(bytes, (byte) 0xAB);

    Excerpt excerpt = Excerpt.around(bytes, 50);

    assertThat(excerpt.fromOffset()).isEqualTo(38); // 12 bytes of "\xAB" before the caret
    assertThat(excerpt.text().substring(excerpt.caretColumn())).startsWith("\\xAB");
  }

  @Test
  void offsetAtTheEndOfTheStreamPointsAtTheEnd() {
    Excerpt excerpt = Excerpt.around(ascii("HTTP/1.1 200 OK\r\n"), 17);

    assertThat(excerpt.text()).isEqualTo("HTTP/1.1 200 OK\\r\\n⟂");
    assertThat(excerpt.text().charAt(excerpt.caretColumn())).isEqualTo('⟂');
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
