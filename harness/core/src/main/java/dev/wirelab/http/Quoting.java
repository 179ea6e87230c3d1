package dev.wirelab.http;

import dev.wirelab.wire.Escaping;
import java.nio.charset.StandardCharsets;

/**
 * Quotes received bytes for a violation message, escaped so that every byte shows and cut after 80
 * characters: the three bytes {@code 0x48 0x0D 0x0A} read {@code "H\r\n"}, quotes included.
 */
final class Quoting {
  private static final int MAX_QUOTED_CHARS = 80;

  private Quoting() {}

  /** {@code text} holds one byte per char (ISO-8859-1), as the parser decodes every line. */
  static String quote(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < bytes.length; i++) {
      String one = Escaping.escape(bytes[i]);
      if (escaped.length() + one.length() > MAX_QUOTED_CHARS) return "\"" + escaped + "\"…";
      escaped.append(one); // whole escapes only: never "\x0" cut from "\x0B"
    }
    return "\"" + escaped + "\"";
  }

  static String quote(byte b) {
    return quote(String.valueOf((char) (b & 0xff)));
  }
}
