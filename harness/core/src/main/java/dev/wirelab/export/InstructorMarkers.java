package dev.wirelab.export;

/**
 * Removes the passages of a Markdown file that only make sense with the full repository (the reference,
 * the mutants, the benchmarks), marked by HTML comments that GitHub does not render:
 *
 * <pre>
 * &lt;!-- instructor --&gt;
 * ## For instructors
 * ...
 * &lt;!-- /instructor --&gt;
 * </pre>
 *
 * A passage on lines of its own goes with those lines; a passage inside a line (a link in a sentence,
 * the last row of a table, where a comment line would end the table) goes alone.
 */
final class InstructorMarkers {
  static final String OPEN = "<!-- instructor -->";
  static final String CLOSE = "<!-- /instructor -->";

  private InstructorMarkers() {}

  /** {@code text} without its instructor passages; {@code source} names the file in errors. */
  static String strip(String text, String source) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (true) {
      int open = text.indexOf(OPEN, at);
      int close = text.indexOf(CLOSE, at);
      if (open < 0) {
        if (close >= 0) throw unbalanced(source, text, close, OPEN + " before it");
        out.append(text, at, text.length());
        return out.toString();
      }
      if (close < 0) throw unbalanced(source, text, open, CLOSE + " after it");
      if (close < open) throw unbalanced(source, text, close, OPEN + " before it");
      int nested = text.indexOf(OPEN, open + OPEN.length());
      if (nested >= 0 && nested < close) throw unbalanced(source, text, nested, CLOSE + " before another " + OPEN);

      int end = close + CLOSE.length();
      out.append(text, at, open);
      boolean ownLines = (open == 0 || text.charAt(open - 1) == '\n') && (end == text.length() || text.charAt(end) == '\n');
      if (ownLines && end < text.length()) {
        end++;
        // The blank lines around a removed section would otherwise pile up into two.
        boolean blankBefore = out.length() == 0 || out.toString().endsWith("\n\n");
        if (blankBefore && end < text.length() && text.charAt(end) == '\n') end++;
      }
      at = end;
    }
  }

  private static IllegalArgumentException unbalanced(String source, String text, int offset, String expected) {
    int line = 1;
    for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
    return new IllegalArgumentException("expected " + expected + " in " + source + " (line " + line
        + ") but there was none: instructor markers come in pairs, not nested");
  }
}
