package dev.wirelab.lab04.solution;

/** Text into HTML, so that a message is shown as written and never runs as markup. */
public final class Html {
  private Html() {}

  /** {@code & < > " '} as {@code &amp; &lt; &gt; &quot; &#39;}: safe in element content and in attributes. */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
