package dev.wirelab.report;

import dev.wirelab.client.Conversation;
import dev.wirelab.client.Exchange;
import dev.wirelab.http.Chunk;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.Violation;
import dev.wirelab.wire.Escaping;
import dev.wirelab.wire.Excerpt;
import dev.wirelab.wire.Transcript;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code wirelab inspect} as text: the request as sent, the response head line by line with every
 * CR and LF visible, the framing the parser chose and why, each chunk with its size line, offset and
 * arrival time, and every violation with the bytes around it.
 */
public final class InspectionWriter {
  private static final int BODY_PREVIEW_BYTES = 256;
  private static final int HEAD_PRINT_LIMIT = 8 * 1024;
  private final Style style;

  public InspectionWriter(boolean color) {
    this.style = new Style(color);
  }

  public void write(Exchange exchange, PrintWriter out) {
    Transcript transcript = exchange.transcript();
    if (transcript == null) {
      writeRequest(out, exchange.request());
      out.println(style.red("could not connect: ") + exchange.connectError());
      return;
    }
    byte[] received = transcript.received();
    writeExchange(out, exchange.request(), exchange.response(), 0, received, transcript);
    writeReads(out, transcript);
    out.println("ending:  " + Escaping.printable(exchange.outcome()));
    if (exchange.bytesAfterResponse() > 0) {
      out.println(style.red("after the message: ") + exchange.bytesAfterResponse()
          + " more bytes that belong to no response");
    }
    writeVerdict(out, exchange, received);
  }

  /**
   * Several requests on one connection: each request with the response that answered it, where each
   * response starts and ends in the stream, then how the connection ended.
   */
  public void write(Conversation conversation, PrintWriter out) {
    Transcript transcript = conversation.transcript();
    byte[] received = transcript.received();
    List<Conversation.Turn> turns = conversation.turns();
    for (int i = 0; i < turns.size(); i++) {
      Conversation.Turn turn = turns.get(i);
      HttpResponse response = turn.response();
      String end = response.complete() ? Long.toString(response.endOffset()) : "?";
      out.println(style.bold("── exchange " + (i + 1) + " of " + turns.size() + ": response bytes "
          + turn.startOffset() + " to " + end + " ──"));
      writeExchange(out, turn.request(), response, turn.startOffset(), received, transcript);
      writeResponseVerdict(out, response, received);
      out.println();
    }
    writeReads(out, transcript);
    out.println("ending:  " + Escaping.printable(conversation.outcome()));
    if (conversation.unconsumedBytes() > 0) {
      out.println(style.red("after the last response: ") + conversation.unconsumedBytes()
          + " more bytes that belong to no response");
    }
  }

  private void writeRequest(PrintWriter out, byte[] request) {
    for (String line : lines(request, 0, request.length)) out.println(style.dim("> ") + line);
  }

  private void writeExchange(PrintWriter out, byte[] request, HttpResponse response, long start, byte[] received,
      Transcript transcript) {
    writeRequest(out, request);
    int from = (int) Math.min(start, received.length);
    // A head that never ended is printed up to the parser's limit, not as megabytes of "header lines".
    long headEnd = response.headersComplete() ? response.bodyOffset()
        : Math.min(received.length, from + HEAD_PRINT_LIMIT);
    if (response.headersComplete() || received.length > from) {
      long arrived = transcript.arrivalNanos(from);
      out.println(style.dim(String.format(Locale.ROOT, "< (first byte after %.1f ms)", arrived / 1e6)));
    }
    for (String line : lines(received, from, (int) Math.min(headEnd, received.length))) {
      out.println(style.dim("< ") + line);
    }
    if (!response.headersComplete() && received.length > headEnd) {
      out.println(style.dim("< … " + (received.length - headEnd) + " more bytes not shown"));
    }
    out.println();
    writeFraming(out, response);
    writeBody(out, response, received);
    writeChunks(out, response);
    if (response.trailers().size() > 0) {
      out.println("trailers:");
      response.trailers().fields().forEach(field -> out.println("  " + Escaping.printable(field.toString())));
    }
  }

  private void writeResponseVerdict(PrintWriter out, HttpResponse response, byte[] received) {
    if (response.isValid()) {
      out.println(style.green("verdict: a valid HTTP/1.1 response"));
    } else if (response.violations().isEmpty()) {
      out.println(style.red("verdict: incomplete: ") + Escaping.printable(response.progress()));
    } else {
      writeViolations(out, response, received);
    }
  }

  private void writeFraming(PrintWriter out, HttpResponse response) {
    if (response.framing() == null) {
      out.println("framing: unknown (the header section never completed)");
      return;
    }
    String why = switch (response.framing()) {
      case NONE -> "no body: HEAD, 1xx, 204 or 304 (RFC 9112 §6.3 rule 1)";
      case CHUNKED -> "Transfer-Encoding: chunked (RFC 9112 §6.3 rule 4, §7.1)";
      case CONTENT_LENGTH -> "Content-Length: " + response.declaredLength() + " (RFC 9112 §6.3 rule 6)";
      case CLOSE_DELIMITED -> "neither Content-Length nor chunked: the body ends when the server closes"
          + " (RFC 9112 §6.3 rule 8)";
    };
    out.println("framing: " + response.framing() + " · " + why);
  }

  private void writeBody(PrintWriter out, HttpResponse response, byte[] received) {
    byte[] body = response.body();
    if (response.framing() == null || body.length == 0 && response.bodyOffset() < 0) return;
    out.println("body:    " + body.length + " bytes" + (response.bodyOffset() >= 0
        ? ", from byte " + response.bodyOffset() : ""));
    if (body.length == 0) return;
    int shown = Math.min(body.length, BODY_PREVIEW_BYTES);
    out.println("  \"" + Escaping.escape(Arrays.copyOf(body, shown)) + (shown < body.length ? "\"…" : "\""));
  }

  private void writeChunks(PrintWriter out, HttpResponse response) {
    if (response.chunks().isEmpty()) return;
    out.println("chunks:");
    out.printf(Locale.ROOT, "  %4s  %-20s %9s %10s %12s%n", "#", "size line", "size", "offset", "arrived");
    int number = 0;
    for (Chunk chunk : response.chunks()) {
      String sizeLine = "\"" + Escaping.escape(chunk.sizeLine().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
          + "\\r\\n\"";
      out.printf(Locale.ROOT, "  %4s  %-20s %9d %10d %9.1f ms%n", chunk.isLast() ? "last" : ++number,
          sizeLine, chunk.size(), chunk.sizeLineOffset(), chunk.arrivalMillis());
    }
  }

  private void writeReads(PrintWriter out, Transcript transcript) {
    var reads = transcript.reads();
    if (reads.isEmpty()) {
      out.println("reads:   none");
      return;
    }
    double first = reads.get(0).millis();
    double last = reads.get(reads.size() - 1).millis();
    out.printf(Locale.ROOT, "reads:   %d read%s, %d bytes, first at %.1f ms, last at %.1f ms%n", reads.size(),
        reads.size() == 1 ? "" : "s", transcript.receivedTotal(), first, last);
  }

  private void writeVerdict(PrintWriter out, Exchange exchange, byte[] received) {
    HttpResponse response = exchange.response();
    if (response.isValid() && exchange.bytesAfterResponse() == 0) {
      out.println(style.green("verdict: a valid HTTP/1.1 response"));
      return;
    }
    if (response.isValid()) {
      out.println(style.red("verdict: a valid response, then " + exchange.bytesAfterResponse()
          + " bytes that belong to no response (RFC 9112 §6.3)"));
      return;
    }
    if (response.violations().isEmpty()) {
      out.println(style.red("verdict: incomplete: ") + response.progress());
      return;
    }
    writeViolations(out, response, received);
  }

  private void writeViolations(PrintWriter out, HttpResponse response, byte[] received) {
    out.println(style.red("verdict: " + response.violations().size() + " violation"
        + (response.violations().size() == 1 ? "" : "s")));
    for (Violation violation : response.violations()) {
      out.println("  " + violation.rule().id() + " at byte " + violation.offset() + ": "
          + Escaping.printable(violation.message()));
      out.println("  " + style.dim(violation.rule().section() + ": " + violation.rule().summary()));
      out.println(Excerpt.around(received, violation.offset()).withCaret("    "));
    }
  }

  /** Splits at LF, keeping each line's CR and LF visible as \r\n. */
  private static java.util.List<String> lines(byte[] bytes, int from, int to) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    int start = from;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        lines.add(Escaping.escape(bytes, start, i + 1));
        start = i + 1;
      }
    }
    if (start < to) lines.add(Escaping.escape(bytes, start, to));
    return lines;
  }
}
