package dev.wirelab.labs.lab04;

import dev.wirelab.http.Chunk;
import dev.wirelab.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data chunks of a /stream response so far, each with its text, and what each one is: the prelude,
 * a message ({@code <p data-id="N">…</p>\n}), a heartbeat, or something else.
 */
final class StreamedChunks {
  static final String HEARTBEAT = "<!-- heartbeat -->\n";
  private static final Pattern PARAGRAPH = Pattern.compile("<p data-id=\"([0-9]{1,18})\">");
  private static final Pattern MESSAGE = Pattern.compile("<p data-id=\"([0-9]{1,18})\">(.*)</p>\n", Pattern.DOTALL);

  /** One data chunk: its place on the wire and its data as text. */
  record Piece(Chunk chunk, String text) {
    OptionalLong messageId() {
      Matcher matcher = MESSAGE.matcher(text);
      return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** The escaped content between the tags, for a message chunk. */
    String messageHtml() {
      Matcher matcher = MESSAGE.matcher(text);
      if (!matcher.matches()) throw new IllegalStateException("not a message chunk: " + text);
      return matcher.group(2);
    }

    boolean isHeartbeat() {
      return text.equals(HEARTBEAT);
    }

    /** How many message paragraphs the chunk holds, whatever else it holds. */
    int paragraphs() {
      int count = 0;
      for (int at = text.indexOf("<p data-id="); at >= 0; at = text.indexOf("<p data-id=", at + 1)) count++;
      return count;
    }
  }

  private StreamedChunks() {}

  static List<Piece> of(HttpResponse response) {
    List<Piece> pieces = new ArrayList<>();
    byte[] body = response.body();
    int bodyIndex = 0;
    for (Chunk chunk : response.dataChunks()) {
      int end = (int) Math.min(body.length, bodyIndex + chunk.size());
      pieces.add(new Piece(chunk, new String(Arrays.copyOfRange(body, bodyIndex, end), StandardCharsets.UTF_8)));
      bodyIndex = end;
    }
    return pieces;
  }

  /** The message chunks after the prelude, in arrival order. */
  static List<Piece> messages(HttpResponse response) {
    return of(response).stream().filter(piece -> piece.messageId().isPresent()).toList();
  }

  /** The first chunk that holds message {@code id}, alone or not. */
  static java.util.Optional<Piece> chunkWith(HttpResponse response, long id) {
    return of(response).stream().filter(piece -> piece.text().contains("<p data-id=\"" + id + "\">")).findFirst();
  }

  static boolean hasMessage(HttpResponse response, long id) {
    return of(response).stream().anyMatch(piece -> piece.messageId().orElse(-1) == id
        || piece.text().contains("<p data-id=\"" + id + "\">"));
  }

  /** The id of every {@code <p data-id="N">} in the body so far, in order, whatever chunks carried them. */
  static List<Long> paragraphIds(HttpResponse response) {
    Matcher matcher = PARAGRAPH.matcher(new String(response.body(), StandardCharsets.UTF_8));
    List<Long> ids = new ArrayList<>();
    while (matcher.find()) ids.add(Long.parseLong(matcher.group(1)));
    return ids;
  }

  static List<Long> messageIds(HttpResponse response) {
    return messages(response).stream().map(piece -> piece.messageId().getAsLong()).toList();
  }
}
