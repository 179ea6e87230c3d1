package dev.wirelab.bench.browser;

import java.nio.charset.StandardCharsets;

/**
 * One column of the padding table: the response's {@code Content-Type} (and whether it forbids sniffing),
 * the markup the prelude starts with, and how the page tells that the message is visible.
 *
 * <p>Every case sends the same message chunk, {@code <p id="m1">first</p>}; in a {@code text/plain} page it
 * is shown as text, so the check there is the page's text, not an element.
 */
enum ContentTypeCase {
  HTML_UTF8("text/html; charset=utf-8", false, Markup.PLAIN_HEAD, true),
  TEXT_PLAIN("text/plain", false, Markup.PLAIN_HEAD, false),
  TEXT_PLAIN_NOSNIFF("text/plain", true, Markup.PLAIN_HEAD, false),
  HTML_NO_CHARSET("text/html", false, Markup.PLAIN_HEAD, true),
  /** Not in the list: what lab04 would send if it dropped the charset from its header. */
  HTML_NO_CHARSET_META("text/html", false, Markup.META_HEAD, true);

  private final String contentType;
  private final boolean nosniff;
  private final String preludeHead;
  private final boolean html;

  ContentTypeCase(String contentType, boolean nosniff, String preludeHead, boolean html) {
    this.contentType = contentType;
    this.nosniff = nosniff;
    this.preludeHead = preludeHead;
    this.html = html;
  }

  String contentType() {
    return contentType;
  }

  boolean nosniff() {
    return nosniff;
  }

  /** The column heading in the table. */
  String label() {
    return switch (this) {
      case HTML_UTF8 -> "`text/html; charset=utf-8`";
      case TEXT_PLAIN -> "`text/plain`";
      case TEXT_PLAIN_NOSNIFF -> "`text/plain` + `nosniff`";
      case HTML_NO_CHARSET -> "`text/html` (no charset)";
      case HTML_NO_CHARSET_META -> "`text/html` (no charset), `<meta charset>` in prelude";
    };
  }

  /**
   * The first chunk: exactly {@code preludeBytes} octets, the markup head followed by spaces, like lab04's
   * prelude. Below the head's own length the prelude is spaces only (0 means no prelude chunk at all).
   */
  byte[] prelude(int preludeBytes) {
    if (preludeBytes < 0) throw new IllegalArgumentException("preludeBytes < 0: " + preludeBytes);
    byte[] head = preludeHead.getBytes(StandardCharsets.US_ASCII);
    byte[] prelude = new byte[preludeBytes];
    java.util.Arrays.fill(prelude, (byte) ' ');
    if (preludeBytes >= head.length) System.arraycopy(head, 0, prelude, 0, head.length);
    return prelude;
  }

  /**
   * A script body that answers where the load of trial {@code id} in window {@code w} stands: {@code old}
   * (the previous document is still there: the navigation has not committed), {@code committed} (our
   * document, no message yet) or {@code shown CHARSET}, with the encoding the page was decoded with
   * ({@code document.characterSet}).
   */
  String stateScript() {
    String shown = html
        ? "w.document.getElementById('m1') !== null"
        : "w.document.body !== null && w.document.body.innerText.indexOf('first') >= 0";
    return "if (w.location.href.indexOf(id) < 0) return 'old';"
        + " return (" + shown + ") ? 'shown ' + w.document.characterSet : 'committed';";
  }

  private static final class Markup {
    static final String PLAIN_HEAD = "<!DOCTYPE html><html><body>";
    static final String META_HEAD = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>";
  }
}
