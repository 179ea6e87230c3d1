package dev.wirelab.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * Finds the messages in the de-chunked text of a {@code /stream}. {@code <p data-id="7">load 3</p>\n} is
 * message id 7, carrying sequence number 3 of this load run. Lab 04 sends each message as a chunk of its
 * own, but chunk boundaries belong to one hop and a proxy may re-chunk (RFC 6202 §3.2, "Framing
 * Techniques"), so the scanner reads the text and carries a message split across chunks over to the next
 * chunk. The prelude and the heartbeats ({@code <!-- heartbeat -->\n}) hold no {@code <p data-id=}.
 */
final class MessageScanner {
  static final String CONTENT_PREFIX = "load ";
  private static final String START = "<p data-id=\"";
  private static final String END = "</p>";
  private static final int MAX_CARRIED_CHARS = 64 * 1024;

  @FunctionalInterface
  interface Listener {
    /**
     * Message {@code id} arrived complete at {@code arrivalNanos}. {@code sequence} is the number this tool
     * posted it with, or -1 for a message someone else posted (its content doesn't start "load N").
     */
    void message(long id, int sequence, long arrivalNanos);
  }

  private final Listener listener;
  private String carried = "";

  MessageScanner(Listener listener) {
    this.listener = listener;
  }

  void scan(byte[] data, int byteCount, long arrivalNanos) {
    // ISO-8859-1 maps each byte to one char: the markers and "load N" are ASCII, which is all we read.
    String text = carried + new String(data, 0, byteCount, StandardCharsets.ISO_8859_1);
    carried = "";
    int position = 0;
    while (true) {
      int start = text.indexOf(START, position);
      if (start < 0) {
        carryPossibleStart(text, position);
        return;
      }
      int end = text.indexOf(END, start);
      if (end < 0) {
        if (text.length() - start <= MAX_CARRIED_CHARS) carried = text.substring(start);
        return;
      }
      parse(text.substring(start + START.length(), end), arrivalNanos);
      position = end + END.length();
    }
  }

  /** {@code <p data-i} at the very end may be the start of a message whose rest comes in the next chunk. */
  private void carryPossibleStart(String text, int position) {
    for (int length = Math.min(START.length() - 1, text.length() - position); length > 0; length--) {
      if (START.startsWith(text.substring(text.length() - length))) {
        carried = text.substring(text.length() - length);
        return;
      }
    }
  }

  /** {@code inside} is {@code 7">load 3}: the id, a quote, the tag's end, the content. */
  private void parse(String inside, long arrivalNanos) {
    int quote = inside.indexOf("\">");
    if (quote < 0) return;
    long id;
    try {
      id = Long.parseLong(inside.substring(0, quote));
    } catch (NumberFormatException e) {
      return; // not a message of Lab 04's form; nothing to count
    }
    String content = inside.substring(quote + 2);
    int sequence = -1;
    if (content.startsWith(CONTENT_PREFIX)) {
      try {
        sequence = Integer.parseInt(content.substring(CONTENT_PREFIX.length()));
      } catch (NumberFormatException e) {
        sequence = -1;
      }
    }
    listener.message(id, sequence, arrivalNanos);
  }
}
