package dev.wirelab.report;

import dev.wirelab.wire.Escaping;

/**
 * Text made safe for XML 1.0, which has no way at all to write most control characters (not even as
 * {@code &#1;}) and rejects a lone surrogate. A server's reason phrase or log can hold any of them, so
 * each becomes a visible escape, {@code \x1B} or {@code \uD800}, instead of a file no parser reads.
 */
final class XmlText {
  private XmlText() {}

  /** Element text: tabs and line breaks stay, every character XML 1.0 forbids is escaped visibly. */
  static String clean(String text) {
    if (text == null) return "";
    // printable() already turns C0 (but tab and LF) and C1 controls into \xHH, as the text report does.
    String printable = Escaping.printable(text);
    StringBuilder out = new StringBuilder(printable.length());
    for (int i = 0; i < printable.length(); i++) {
      char c = printable.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < printable.length()
          && Character.isLowSurrogate(printable.charAt(i + 1))) {
        out.append(c).append(printable.charAt(++i)); // a whole supplementary character is fine
      } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Attribute text on one line: a parser would turn a line break in an attribute into a space anyway. */
  static String attribute(String text) {
    return clean(text).replace("\t", " ").replace("\n", " ").strip();
  }
}
