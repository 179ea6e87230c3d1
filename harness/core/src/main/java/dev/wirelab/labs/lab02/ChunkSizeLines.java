package dev.wirelab.labs.lab02;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads chunk-size lines straight from the received bytes to tell a student what they meant, not only
 * what the parser saw: "10" before ten bytes and a CRLF was written in decimal. The parser cannot say
 * so, because it reads "10" as sixteen, as any client would.
 */
final class ChunkSizeLines {
  private ChunkSizeLines() {}

  /** A size line written in decimal: where it starts, what it says, and what it should have said. */
  record DecimalSize(long offset, String written, String hex) {}

  /**
   * Walks the chunks from {@code bodyOffset} as long as each hex size lands on a CRLF. Returns the first
   * size line whose hex reading does not, but whose decimal reading does.
   */
  static Optional<DecimalSize> findDecimalSize(byte[] received, int length, long bodyOffset) {
    int position = (int) bodyOffset;
    while (position >= 0 && position < length) {
      int lineEnd = indexOfCrlf(received, length, position);
      if (lineEnd < 0) return Optional.empty();
      String line = new String(received, position, lineEnd - position, StandardCharsets.ISO_8859_1);
      String digits = leadingHexDigits(line);
      if (digits.isEmpty() || digits.length() > 12) return Optional.empty();
      long hexSize = Long.parseLong(digits, 16);
      int dataStart = lineEnd + 2;
      if (hexSize == 0) return Optional.empty();
      if (crlfAt(received, length, dataStart + hexSize)) {
        position = (int) (dataStart + hexSize + 2);
        continue;
      }
      if (digits.matches("[0-9]+")) {
        long decimalSize = Long.parseLong(digits);
        if (crlfAt(received, length, dataStart + decimalSize)) {
          return Optional.of(new DecimalSize(position, digits, Long.toHexString(decimalSize)));
        }
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String leadingHexDigits(String line) {
    int end = 0;
    while (end < line.length() && Character.digit(line.charAt(end), 16) >= 0) end++;
    return line.substring(0, end);
  }

  private static int indexOfCrlf(byte[] bytes, int length, int from) {
    for (int i = from; i + 1 < length; i++) if (bytes[i] == '\r' && bytes[i + 1] == '\n') return i;
    return -1;
  }

  private static boolean crlfAt(byte[] bytes, int length, long at) {
    return at >= 0 && at + 1 < length && bytes[(int) at] == '\r' && bytes[(int) at + 1] == '\n';
  }
}
