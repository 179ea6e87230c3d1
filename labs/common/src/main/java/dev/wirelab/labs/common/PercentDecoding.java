package dev.wirelab.labs.common;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes {@code %XX} escapes in a path segment or a query parameter (RFC 3986 §2.1) into UTF-8 text.
 * Not URLDecoder: that decodes HTML forms, where {@code +} means a space; in a URI it is just a plus.
 */
public final class PercentDecoding {
  private PercentDecoding() {}

  /** {@code ..%2fsecret.txt} becomes {@code ../secret.txt}; a broken escape or bad UTF-8 is rejected. */
  public static String decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c != '%') {
        bytes.write(c);
        continue;
      }
      if (i + 2 >= encoded.length()) throw new IllegalArgumentException("truncated escape: " + encoded);
      int high = Character.digit(encoded.charAt(i + 1), 16);
      int low = Character.digit(encoded.charAt(i + 2), 16);
      if (high == -1 || low == -1) throw new IllegalArgumentException("bad escape: " + encoded);
      bytes.write(high << 4 | low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8 once decoded: " + encoded, e);
    }
  }
}
