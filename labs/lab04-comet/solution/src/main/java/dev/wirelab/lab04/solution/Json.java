package dev.wirelab.lab04.solution;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The few JSON shapes the server answers with, written by hand: {@code {"id":7,"content":"hi",...}}. */
public final class Json {
  /** Always three fraction digits and a Z: {@code 2026-11-25T22:00:00.120Z}. */
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Json() {}

  public static String id(long id) {
    return "{\"id\":" + id + "}";
  }

  public static String message(Message message) {
    return "{\"id\":" + message.id()
        + ",\"content\":" + string(message.content())
        + ",\"createdAt\":" + string(CREATED_AT.format(message.createdAt())) + "}";
  }

  public static String messages(List<Message> messages) {
    return messages.stream().map(Json::message).collect(Collectors.joining(",", "[", "]"));
  }

  /** An object of counts, in the map's order: {@code {"stream":1,"poll":0,"events":2}}. */
  public static String counts(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .map(entry -> string(entry.getKey()) + ":" + entry.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** RFC 8259 §7: quote, backslash and the control characters escaped; everything else as is, in UTF-8. */
  public static String string(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) quoted.append(String.format("\\u%04x", (int) c));
          else quoted.append(c);
        }
      }
    }
    return quoted.append('"').toString();
  }
}
