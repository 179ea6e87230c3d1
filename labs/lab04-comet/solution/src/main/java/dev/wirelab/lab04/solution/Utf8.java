package dev.wirelab.lab04.solution;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8: a request body that is not valid UTF-8 is refused, not repaired with U+FFFD. */
public final class Utf8 {
  private Utf8() {}

  /** The text, or empty when the bytes are not UTF-8 (a bad sequence, a lone surrogate, a cut-off end). */
  public static Optional<String> decode(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException notUtf8) {
      return Optional.empty();
    }
  }
}
