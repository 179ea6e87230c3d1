package dev.wirelab.wire;

/**
 * Renders raw bytes so that every byte is visible on one line: {@code \r} and {@code \n} stay escaped,
 * printable ASCII stays as it is, anything else becomes {@code \xHH}. Used for every excerpt a student
 * reads, so that a missing CR is as visible as a missing letter.
 */
public final class Escaping {
  private Escaping() {}

  public static String escape(byte[] bytes) {
    return escape(bytes, 0, bytes.length);
  }

  public static String escape(byte[] bytes, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) out.append(escape(bytes[i]));
    return out.toString();
  }

  public static String escape(byte b) {
    int value = b & 0xff;
    switch (value) {
      case '\r': return "\\r";
      case '\n': return "\\n";
      case '\t': return "\\t";
      case '\\': return "\\\\";
      default:
        if (value >= 0x20 && value < 0x7f) return String.valueOf((char) value);
        return String.format("\\x%02X", value);
    }
  }

  /**
   * Text that came from a server (a reason phrase, a field value, its log), made safe for a terminal:
   * control characters, including the C1 range that some terminals obey, become {@code \\xHH}, so a
   * hostile server cannot clear a student's screen or rename their window. Tabs and newlines stay.
   */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
      if (control) out.append(String.format("\\x%02X", (int) c));
      else out.append(c);
    }
    return out.toString();
  }

  /** The same text written for a shell's {@code printf}: single-quoted, with {@code %} and {@code '} safe. */
  public static String forPrintf(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      int value = b & 0xff;
      if (value == '%') out.append("%%");
      else if (value == '\'') out.append("'\\''");
      else if (value >= 0x20 && value < 0x7f && value != '\\') out.append((char) value);
      else if (value == '\\') out.append("\\\\");
      else if (value == '\r') out.append("\\r");
      else if (value == '\n') out.append("\\n");
      else out.append(String.format("\\%03o", value));
    }
    return out.toString();
  }
}
