package dev.wirelab.wire;

/**
 * The bytes around one offset, escaped, with the column of the byte in question so a report can put a
 * caret under it:
 *
 * <pre>
 *   HTTP/1.1 200 OK\nContent-Length: 14\n
 *                  ^
 * </pre>
 */
public record Excerpt(String text, int caretColumn, long fromOffset, long offset) {
  /** Escaped characters shown on each side: binary bytes take four each, text one. */
  private static final int WIDTH_BEFORE = 48;
  private static final int WIDTH_AFTER = 48;

  /** An excerpt of {@code bytes} (which start at stream offset 0) centred on {@code offset}. */
  public static Excerpt around(byte[] bytes, long offset) {
    return around(bytes, bytes.length, offset);
  }

  /** The same, for the first {@code length} bytes of a larger buffer, so nothing is copied. */
  public static Excerpt around(byte[] bytes, int length, long offset) {
    int at = (int) Math.max(0, Math.min(offset, length));
    int from = at;
    for (int width = 0; from > 0 && width < WIDTH_BEFORE; ) width += Escaping.escape(bytes[--from]).length();
    int to = at;
    for (int width = 0; to < length && width < WIDTH_AFTER; ) width += Escaping.escape(bytes[to++]).length();
    // Never cut a CRLF in half: a lone "\n" at the edge would read as the bare LF this lab warns about.
    if (from > 0 && bytes[from] == '\n' && bytes[from - 1] == '\r') from--;
    if (to < length && bytes[to - 1] == '\r' && bytes[to] == '\n') to++;
    String before = Escaping.escape(bytes, from, at);
    String rest = Escaping.escape(bytes, at, to);
    String text = (from > 0 ? "…" : "") + before + rest + (to < length ? "…" : "");
    int caret = (from > 0 ? 1 : 0) + before.length();
    if (at == length) text = text + "⟂"; // the offending "byte" is the end of the stream
    return new Excerpt(text, caret, from, offset);
  }

  /** Two lines: the escaped bytes, and a caret under the byte at {@link #offset()}. */
  public String withCaret(String indent) {
    return indent + text + "\n" + indent + " ".repeat(caretColumn) + "^";
  }
}
