package dev.wirelab.labs.lab04;

import static dev.wirelab.check.Expectations.answered;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.noHeader;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.check.Expectations.transferCodingIsChunked;
import static dev.wirelab.labs.lab04.Lab04Requests.heartbeat;
import static dev.wirelab.labs.lab04.Lab04Requests.latestId;
import static dev.wirelab.labs.lab04.Lab04Requests.postMessage;
import static dev.wirelab.labs.lab04.Lab04Requests.preludeBytes;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.OpenStream;
import dev.wirelab.client.Requests;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.labs.lab04.StreamedChunks.Piece;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** GET /stream: the seed's forever response, done right, chunk by chunk. */
final class StreamChecks {
  static final Duration PATIENCE = Duration.ofSeconds(3);
  /** How long CM-07 waits after a message arrived before it posts the next. */
  private static final Duration BETWEEN_PROBES = Duration.ofMillis(200);

  private StreamChecks() {}

  static List<Check> all() {
    return List.of(headers(), prelude(), oneChunkPerMessage(), pushLatency(), escaping(), heartbeats());
  }

  static OpenStream openStream(CheckContext context, long after) throws CheckFailure {
    String target = "/stream?after=" + after;
    return context.openStream("GET " + target, Requests.get(target, context.address()));
  }

  /** Waits for the header section and the prelude chunk: every later step assumes both. */
  static List<Piece> awaitPrelude(CheckContext context, OpenStream stream) throws CheckFailure {
    stream.awaitUntil(response -> response.headersComplete() && !response.dataChunks().isEmpty(), PATIENCE);
    Exchange seen = context.record(stream);
    status(seen, 200, "RFC 9110 §15.3.1");
    List<Piece> pieces = StreamedChunks.of(seen.response());
    if (pieces.isEmpty()) {
      throw failAt(seen, seen.transcript().receivedTotal(), "the prelude chunk right after the header section",
          "nothing within " + PATIENCE.toMillis() + " ms (" + seen.outcome() + ")", "RFC 9112 §7.1");
    }
    Lab04Requests.letSubscriberSettle(context);
    return pieces;
  }

  static Check headers() {
    CheckInfo info = CheckInfo.builder("CM-04", "/stream is text/html; charset=utf-8, chunked, and does not end")
        .points(5).contract().section("RFC 9112 §7.1")
        .explanation("The forever response: its length is unknown when it starts, so it is chunked"
            + " (RFC 9112 §7.1), with no Content-Length; Content-Type text/html; charset=utf-8 lets the"
            + " browser render it as it arrives without guessing the encoding. It never ends on its own:"
            + " still open a second after it started.")
        .build();
    return Check.of(info, context -> {
      try (OpenStream stream = openStream(context, latestId(context))) {
        stream.awaitUntil(HttpResponse::headersComplete, PATIENCE);
        Exchange seen = context.record(stream);
        status(seen, 200, "RFC 9110 §15.3.1");
        HttpResponse response = answered(seen);
        String contentType = response.headers().value("Content-Type").orElse("");
        String normalized = contentType.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
        if (!normalized.equals("text/html;charset=utf-8")) {
          throw failAt(seen, response.headers().field("Content-Type").map(field -> field.offset())
                  .orElse(response.bodyOffset() - 2), "\"Content-Type: text/html; charset=utf-8\"",
              contentType.isEmpty() ? "no Content-Type field" : "\"Content-Type: " + contentType + "\"",
              "RFC 9110 §8.3");
        }
        noHeader(seen, "Content-Length", "RFC 9112 §6.3");
        transferCodingIsChunked(seen, "RFC 9112 §7.1");
        stream.watch(Duration.ofSeconds(1));
        Exchange later = context.record(stream);
        if (later.response().complete() || later.serverClosed()) {
          throw failAt(later, later.transcript().receivedTotal(), "a response still open after a second",
              later.outcome(), "RFC 9112 §7.1");
        }
      }
    });
  }

  static Check prelude() {
    CheckInfo info = CheckInfo.builder("CM-05", "/stream starts with a prelude chunk of exactly PRELUDE_BYTES")
        .points(5).contract().section("RFC 9112 §7.1").dependsOn("CM-04")
        .explanation("The seed sent 4000 spaces first so the browser would start rendering. The contract:"
            + " the first chunk, flushed at once, is exactly WIRELAB_PRELUDE_BYTES bytes (the harness sets"
            + " it), begins with <!DOCTYPE html> and is padded with spaces; it comes before any message, even"
            + " when ?after= makes older messages follow at once. Notes 04 says when padding still matters.")
        .build();
    return Check.of(info, context -> {
      long before = latestId(context);
      postMessage(context, "a message that must come after the prelude");
      int expectedSize = preludeBytes(context);
      try (OpenStream stream = openStream(context, before)) {
        Piece first = awaitPrelude(context, stream).get(0);
        Exchange seen = context.record(stream);
        boolean doctype = first.text().regionMatches(true, 0, "<!DOCTYPE html>", 0, 15);
        if (first.chunk().size() != expectedSize || !doctype) {
          throw failAt(seen, first.chunk().sizeLineOffset(), "a first chunk of exactly " + expectedSize
                  + " bytes (hex " + Long.toHexString(expectedSize) + ") beginning with <!DOCTYPE html>",
              "a first chunk of " + first.chunk().size() + " bytes beginning \""
                  + Lab04Requests.abbreviate(first.text()) + "\"", "RFC 9112 §7.1");
        }
      }
    });
  }

  static Check oneChunkPerMessage() {
    CheckInfo info = CheckInfo.builder("CM-06", "/stream sends each message as its own chunk, missed ones first")
        .points(6).contract().section("RFC 9112 §7.1").dependsOn("CM-05")
        .explanation("Each message is one chunk, <p data-id=\"N\">CONTENT</p> and a newline, flushed on its"
            + " own, so a reader (or a browser's parser) has a whole message at each chunk boundary. With"
            + " ?after=ID the messages after ID that are already stored come first, oldest first, each in"
            + " its own chunk; then every new one as it is posted.")
        .build();
    return Check.of(info, context -> {
      long before = latestId(context);
      List<Long> expected = new ArrayList<>();
      expected.add(postMessage(context, "stored before the stream, one"));
      expected.add(postMessage(context, "stored before the stream, two"));
      try (OpenStream stream = openStream(context, before)) {
        awaitPrelude(context, stream);
        expected.add(postMessage(context, "posted while streaming, three"));
        expected.add(postMessage(context, "posted while streaming, four"));
        long last = expected.get(expected.size() - 1);
        stream.awaitUntil(response -> StreamedChunks.hasMessage(response, last), PATIENCE);
        Exchange seen = context.record(stream);
        List<Piece> pieces = StreamedChunks.of(seen.response());
        for (Piece piece : pieces.subList(1, pieces.size())) {
          if (piece.isHeartbeat()) continue;
          if (piece.messageId().isEmpty() || piece.paragraphs() != 1) {
            throw failAt(seen, piece.chunk().sizeLineOffset(), "a chunk holding one <p data-id=\"N\">…</p>\\n",
                "a chunk of " + piece.chunk().size() + " bytes: \"" + Lab04Requests.abbreviate(piece.text()) + "\"",
                "RFC 9112 §7.1");
          }
        }
        List<Long> ids = StreamedChunks.messageIds(seen.response());
        if (!ids.equals(expected)) {
          throw failAt(seen, seen.transcript().receivedTotal(), "messages " + expected + ", in that order",
              "messages " + Lab04Requests.ids(ids), "RFC 9112 §7.1");
        }
      }
    });
  }

  static Check pushLatency() {
    CheckInfo info = CheckInfo.builder("CM-07", "A posted message reaches /stream at once (median under 250 ms)")
        .points(8).contract().section("RFC 9112 §7.1").dependsOn("CM-05").timeout(Duration.ofSeconds(30))
        .explanation("Push, not polling: the POST wakes the subscribers. Ten messages are posted one at a time,"
            + " each 200 ms after the previous one arrived; the time from the POST's response to the message's chunk"
            + " is measured on the wire. The median must stay under 250 ms. A loop that sleeps a second and"
            + " queries, like the seed's, delivers each message almost a second late.")
        .build();
    return Check.of(info, context -> {
      try (OpenStream stream = openStream(context, latestId(context))) {
        awaitPrelude(context, stream);
        List<Double> latencies = new ArrayList<>();
        for (int number = 1; number <= 10; number++) {
          long id = postMessage(context, "latency probe " + number);
          long postAnsweredNanos = System.nanoTime();
          stream.awaitUntil(response -> StreamedChunks.hasMessage(response, id), PATIENCE);
          Piece arrived = StreamedChunks.chunkWith(stream.response(), id).orElse(null);
          if (arrived == null) {
            Exchange seen = context.record(stream);
            throw failAt(seen, seen.transcript().receivedTotal(), "message " + id + " on the stream",
                "nothing within " + PATIENCE.toMillis() + " ms of its POST", "RFC 9112 §7.1");
          }
          long arrivalNanos = stream.transcript().absoluteNanos(arrived.chunk().firstByteNanos());
          latencies.add(Math.max(0, arrivalNanos - postAnsweredNanos) / 1e6);
          // The next POST finds the subscriber waiting, not still between its write and its wait: a server
          // with a lost-wakeup race (CM-10's business) would otherwise pass or fail here as its threads
          // happen to be scheduled, and the same server must get the same score every run.
          if (number < 10) context.pause(BETWEEN_PROBES);
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double median = (sorted.get(4) + sorted.get(5)) / 2;
        if (median >= 250) {
          Exchange seen = context.record(stream);
          Piece first = StreamedChunks.of(seen.response()).get(1); // the first chunk after the prelude
          throw failAt(seen, first.chunk().sizeLineOffset(), "a median delay under 250 ms from POST to chunk",
              String.format(Locale.ROOT, "a median of %.0f ms (each: %s)", median, rounded(latencies)),
              "RFC 9112 §7.1");
        }
      }
    });
  }

  private static String rounded(List<Double> millis) {
    return millis.stream().map(value -> String.format(Locale.ROOT, "%.0f", value)).toList() + " ms";
  }

  static Check escaping() {
    CheckInfo info = CheckInfo.builder("CM-08", "Message content is HTML-escaped in /stream")
        .points(5).contract().section("RFC 9110 §8.3").dependsOn("CM-05")
        .explanation("The stream is HTML a browser renders: a message <script>…</script> sent as it is runs"
            + " in every reader's page. The content goes out escaped: & < > \" ' as &amp; &lt; &gt; &quot;"
            + " &#39; (or any equivalent character reference); decoded, it is the text that was posted.")
        .build();
    return Check.of(info, context -> {
      String hostile = "<script>alert(\"x\")</script> & 'q' <b>";
      try (OpenStream stream = openStream(context, latestId(context))) {
        awaitPrelude(context, stream);
        long id = postMessage(context, hostile);
        stream.awaitUntil(response -> StreamedChunks.hasMessage(response, id), PATIENCE);
        Exchange seen = context.record(stream);
        Piece piece = StreamedChunks.messages(seen.response()).stream()
            .filter(candidate -> candidate.messageId().getAsLong() == id).findFirst()
            .orElseThrow(() -> failAt(seen, seen.transcript().receivedTotal(), "message " + id + " on the stream",
                "nothing within " + PATIENCE.toMillis() + " ms", "RFC 9112 §7.1"));
        String html = piece.messageHtml();
        int raw = firstRawSpecial(html);
        if (raw >= 0 || !HtmlText.unescape(html).equals(hostile)) {
          long at = piece.chunk().dataOffset() + ("<p data-id=\"" + id + "\">").length()
              + (raw >= 0 ? html.substring(0, raw).getBytes(java.nio.charset.StandardCharsets.UTF_8).length : 0);
          throw failAt(seen, at, "the content escaped, e.g. \"&lt;script&gt;alert(&quot;x&quot;)…\"",
              "\"" + Lab04Requests.abbreviate(html) + "\"", "RFC 9110 §8.3");
        }
      }
    });
  }

  /** The index of a {@code <} or {@code >}, or an {@code &} that starts no character reference. */
  private static int firstRawSpecial(String html) {
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (c == '<' || c == '>') return i;
      if (c == '&' && !HtmlText.startsReference(html, i)) return i;
    }
    return -1;
  }

  static Check heartbeats() {
    CheckInfo info = CheckInfo.builder("CM-11", "A quiet /stream sends a heartbeat chunk about every HEARTBEAT_MS")
        .points(4).contract().section("RFC 6202 §5.5").dependsOn("CM-05").timeout(Duration.ofSeconds(15))
        .explanation("A response that stays silent looks dead to proxies and NATs, which drop it (RFC 6202"
            + " §5.5), and a server learns that a reader left only when a write fails. So when nothing was"
            + " sent for WIRELAB_HEARTBEAT_MS (the harness sets it), the stream sends <!-- heartbeat --> and"
            + " a newline as a chunk of its own. Judged loosely: at least two in five intervals, none closer"
            + " together than half an interval.")
        .build();
    return Check.of(info, context -> {
      Duration interval = heartbeat(context);
      try (OpenStream stream = openStream(context, latestId(context))) {
        awaitPrelude(context, stream);
        stream.watch(interval.multipliedBy(5));
        Exchange seen = context.record(stream);
        List<Piece> beats = StreamedChunks.of(seen.response()).stream().filter(Piece::isHeartbeat).toList();
        if (beats.size() < 2) {
          throw failAt(seen, seen.transcript().receivedTotal(), "at least two heartbeat chunks"
                  + " (\"<!-- heartbeat -->\\n\") in " + interval.multipliedBy(5).toMillis() + " ms of quiet",
              beats.size() + " (" + StreamedChunks.of(seen.response()).size() + " chunk(s) in all)", "RFC 6202 §5.5");
        }
        for (int i = 1; i < beats.size(); i++) {
          long gapMillis = (beats.get(i).chunk().firstByteNanos() - beats.get(i - 1).chunk().firstByteNanos()) / 1_000_000;
          if (gapMillis < interval.toMillis() / 2) {
            throw failAt(seen, beats.get(i).chunk().sizeLineOffset(), "heartbeats about " + interval.toMillis()
                + " ms apart", "two only " + gapMillis + " ms apart", "RFC 6202 §5.5");
          }
        }
      }
    });
  }
}
