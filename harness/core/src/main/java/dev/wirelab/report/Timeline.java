package dev.wirelab.report;

import dev.wirelab.client.Exchange;
import dev.wirelab.wire.Transcript;
import dev.wirelab.wire.WireEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A connection's life in one or a few lines: each write and read with byte counts and times, how it
 * ended, and who closed first. Long runs of reads are shortened in the middle.
 */
final class Timeline {
  private static final int HEAD_EVENTS = 6;
  private static final int TAIL_EVENTS = 3;

  private Timeline() {}

  /** The events in order: writes, reads, FIN or RST, the harness's close. */
  static List<String> describe(Exchange exchange) {
    List<String> lines = new ArrayList<>();
    Transcript transcript = exchange.transcript();
    if (transcript == null) {
      lines.add("no connection: " + exchange.connectError());
      return lines;
    }
    List<WireEvent> events = transcript.events().stream()
        .filter(event -> event.kind() != WireEvent.Kind.CONNECTED)
        .toList();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (i == HEAD_EVENTS && events.size() > HEAD_EVENTS + TAIL_EVENTS) {
        int skipped = events.size() - HEAD_EVENTS - TAIL_EVENTS;
        parts.add("… " + skipped + " more …");
        i = events.size() - TAIL_EVENTS;
      }
      parts.add(describe(events.get(i)));
    }
    lines.add(String.join(" · ", parts));
    return lines;
  }

  private static String describe(WireEvent event) {
    String at = String.format(Locale.ROOT, "%.1f ms", event.millis());
    return switch (event.kind()) {
      case SENT -> "sent " + event.byteCount() + " B at " + at;
      case RECEIVED -> "read " + event.byteCount() + " B at " + at;
      case FIN -> "FIN at " + at;
      case RESET -> "RST at " + at;
      case TIMEOUT -> "timeout at " + at;
      case BYTE_CAP -> "byte cap at " + at;
      case CLOSED_BY_HARNESS -> "harness closed at " + at;
      case ERROR -> "error at " + at + (event.detail() == null ? "" : " (" + event.detail() + ")");
      case CONNECTED -> "connected at " + at;
    };
  }

  /** Who closed first, and how. */
  static String closer(Exchange exchange) {
    Transcript transcript = exchange.transcript();
    if (transcript == null) return "no connection";
    return switch (transcript.ending()) {
      case PEER_CLOSED -> "the server closed first (FIN)";
      case RESET -> "the server reset the connection (RST)";
      case OPEN -> "the harness closed it; the server had not closed it by then";
      case TIMEOUT -> "the harness gave up at its deadline and closed";
      case BYTE_CAP -> "the harness stopped at its byte cap and closed";
      case CONNECT_FAILED -> "no connection";
    };
  }
}
