package dev.wirelab.labs.lab04;

import java.util.ArrayList;
import java.util.List;

/**
 * The text/event-stream format (HTML Standard, "Server-sent events", 9.2.5-9.2.6), parsed from the
 * decoded body: lines end in CRLF, LF or CR; a blank line dispatches an event; {@code field: value}
 * with one optional space after the colon; a line starting with a colon is a comment.
 */
final class EventStream {
  /**
   * One block up to a blank line: its fields as sent, and where it started in the body. {@code
   * otherFields} holds lines whose field name the format does not define (a recipient ignores them).
   */
  record Block(int bodyIndex, String id, String event, List<String> dataLines, String retry, List<String> comments,
      List<String> otherFields) {
    boolean isEvent() {
      return !dataLines.isEmpty();
    }

    String data() {
      return String.join("\n", dataLines);
    }
  }

  private EventStream() {}

  /** Every complete block in {@code text}; a block whose blank line has not arrived yet is left out. */
  static List<Block> parse(String text) {
    List<Block> blocks = new ArrayList<>();
    int index = text.startsWith("\uFEFF") ? 1 : 0; // a byte order mark at the start is skipped
    int blockStart = 0;
    String id = null;
    String event = null;
    String retry = null;
    List<String> data = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    List<String> others = new ArrayList<>();
    while (index < text.length()) {
      int end = lineEnd(text, index);
      if (end < 0) break; // an unfinished line
      String line = text.substring(index, end);
      index = end + (text.startsWith("\r\n", end) ? 2 : 1);
      if (line.isEmpty()) {
        if (id != null || event != null || retry != null || !data.isEmpty() || !comments.isEmpty()
            || !others.isEmpty()) {
          blocks.add(new Block(blockStart, id, event, List.copyOf(data), retry, List.copyOf(comments),
              List.copyOf(others)));
        }
        id = null;
        event = null;
        retry = null;
        data = new ArrayList<>();
        comments = new ArrayList<>();
        others = new ArrayList<>();
        blockStart = index;
        continue;
      }
      if (line.startsWith(":")) {
        comments.add(line.substring(1).strip());
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) value = value.substring(1);
      switch (name) {
        case "id" -> id = value;
        case "event" -> event = value;
        case "data" -> data.add(value);
        case "retry" -> retry = value;
        default -> others.add(line);
      }
    }
    return blocks;
  }

  /** Where the line starting at {@code from} ends (its CR or LF), or -1 when it has not ended yet. */
  private static int lineEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') return i;
      // A CR ends a line, but a CR at the very end may be the first half of a CRLF still on its way.
      if (c == '\r') return i + 1 < text.length() ? i : -1;
    }
    return -1;
  }

  static List<Block> events(String text) {
    return parse(text).stream().filter(Block::isEvent).toList();
  }
}
