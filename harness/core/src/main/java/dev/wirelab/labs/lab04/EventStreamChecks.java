package dev.wirelab.labs.lab04;

import static dev.wirelab.check.Expectations.answered;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.check.Expectations.transferCodingIsChunked;
import static dev.wirelab.labs.lab04.Lab04Requests.heartbeat;
import static dev.wirelab.labs.lab04.Lab04Requests.postMessage;
import static dev.wirelab.labs.lab04.StreamChecks.PATIENCE;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.OpenStream;
import dev.wirelab.client.Requests;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.labs.lab04.EventStream.Block;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** GET /events: Server-Sent Events, the format browsers' EventSource reads and reconnects with. */
final class EventStreamChecks {
  static final String SSE = "HTML Standard §9.2";

  private EventStreamChecks() {}

  static List<Check> all() {
    return List.of(format(), multiLine(), resume());
  }

  static OpenStream openEvents(CheckContext context, String... fields) throws CheckFailure {
    String[] all = new String[fields.length + 1];
    all[0] = "Accept: text/event-stream";
    System.arraycopy(fields, 0, all, 1, fields.length);
    return context.openStream("GET /events" + (fields.length == 0 ? "" : " with " + String.join(", ", fields)),
        Requests.request("GET", "/events", context.address(), all));
  }

  static String bodyText(HttpResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** The stream offset of a character index in the decoded body. */
  static long offsetOf(HttpResponse response, int charIndex) {
    String text = bodyText(response);
    int byteIndex = text.substring(0, Math.min(charIndex, text.length())).getBytes(StandardCharsets.UTF_8).length;
    return response.streamOffsetOfBodyByte(byteIndex);
  }

  static boolean hasEvent(HttpResponse response, long id) {
    return EventStream.events(bodyText(response)).stream().anyMatch(event -> String.valueOf(id).equals(event.id()));
  }

  static Check format() {
    CheckInfo info = CheckInfo.builder("CM-16", "/events speaks text/event-stream: retry, id, data, heartbeats")
        .points(5).contract().section(SSE)
        .explanation("Server-Sent Events (HTML Standard, \"Server-sent events\"): Content-Type"
            + " text/event-stream, a body of UTF-8 lines that never ends. It opens with retry: RETRY_MS (how"
            + " long EventSource waits before reconnecting), each message is id: N and data: CONTENT then a"
            + " blank line, flushed as one chunk, and a quiet stream sends the comment : heartbeat.")
        .build();
    return Check.of(info, context -> {
      try (OpenStream events = openEvents(context)) {
        events.awaitUntil(HttpResponse::headersComplete, PATIENCE);
        Exchange seen = context.record(events);
        status(seen, 200, "RFC 9110 §15.3.1");
        HttpResponse head = answered(seen);
        String contentType = head.headers().value("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
          throw failAt(seen, head.headers().field("Content-Type").map(field -> field.offset())
                  .orElse(head.bodyOffset() - 2), "\"Content-Type: text/event-stream\"",
              contentType.isEmpty() ? "no Content-Type field" : "\"Content-Type: " + contentType + "\"", SSE);
        }
        transferCodingIsChunked(seen, "RFC 9112 §7.1");
        events.awaitUntil(response -> EventStream.parse(bodyText(response)).stream()
            .anyMatch(block -> block.retry() != null), PATIENCE);
        Lab04Requests.letSubscriberSettle(context);
        long id = postMessage(context, "an event");
        events.awaitUntil(response -> hasEvent(response, id), PATIENCE);
        events.awaitUntil(response -> EventStream.parse(bodyText(response)).stream()
            .anyMatch(block -> block.comments().contains("heartbeat")), heartbeat(context).multipliedBy(4));
        Exchange all = context.record(events);
        HttpResponse response = all.response();
        List<Block> blocks = EventStream.parse(bodyText(response));
        String expectedRetry = String.valueOf(Lab04Requests.retryMillis(context));
        if (blocks.isEmpty() || !expectedRetry.equals(blocks.get(0).retry())) {
          throw failAt(all, response.bodyOffset(), "the stream to open with \"retry: " + expectedRetry + "\\n\\n\"",
              blocks.isEmpty() ? "no complete block" : "a first block without that retry field", SSE);
        }
        Block event = blocks.stream().filter(block -> String.valueOf(id).equals(block.id())).findFirst()
            .orElseThrow(() -> failAt(all, all.transcript().receivedTotal(), "an event with \"id: " + id
                + "\" and \"data: an event\"", "none within " + PATIENCE.toMillis() + " ms", SSE));
        if (!event.data().equals("an event")) {
          throw failAt(all, offsetOf(response, event.bodyIndex()), "\"data: an event\"",
              "data \"" + Lab04Requests.abbreviate(event.data()) + "\"", SSE);
        }
        if (blocks.stream().noneMatch(block -> block.comments().contains("heartbeat"))) {
          throw failAt(all, all.transcript().receivedTotal(), "a \": heartbeat\" comment on a quiet stream",
              "none within " + heartbeat(context).multipliedBy(4).toMillis() + " ms", SSE);
        }
      }
    });
  }

  static Check multiLine() {
    CheckInfo info = CheckInfo.builder("CM-17", "Content with line breaks becomes several data: lines")
        .points(4).contract().section(SSE).dependsOn("CM-16")
        .explanation("In text/event-stream a line break ends a field, so content with line breaks (LF, CRLF"
            + " or CR) is sent as one data: line per line; EventSource joins them with \\n. A raw line break"
            + " inside one data: field cuts the message and makes the rest a field of its own.")
        .build();
    return Check.of(info, context -> {
      try (OpenStream events = openEvents(context)) {
        events.awaitUntil(response -> EventStream.parse(bodyText(response)).size() > 0, PATIENCE);
        Lab04Requests.letSubscriberSettle(context);
        long id = postMessage(context, "line one\nline two\r\nline three");
        events.awaitUntil(response -> hasEvent(response, id), PATIENCE);
        events.watch(Duration.ofMillis(50));
        Exchange seen = context.record(events);
        Block event = EventStream.events(bodyText(seen.response())).stream()
            .filter(block -> String.valueOf(id).equals(block.id())).findFirst()
            .orElseThrow(() -> failAt(seen, seen.transcript().receivedTotal(), "an event with id " + id,
                "none within " + PATIENCE.toMillis() + " ms", SSE));
        List<String> expected = List.of("line one", "line two", "line three");
        if (!event.dataLines().equals(expected) || !event.otherFields().isEmpty()) {
          throw failAt(seen, offsetOf(seen.response(), event.bodyIndex()), "data: lines " + expected,
              "data: lines " + event.dataLines() + (event.otherFields().isEmpty() ? ""
                  : " and stray lines " + event.otherFields()), SSE);
        }
      }
    });
  }

  static Check resume() {
    CheckInfo info = CheckInfo.builder("CM-18", "Last-Event-ID resumes with every message missed")
        .points(5).contract().section(SSE).dependsOn("CM-16")
        .explanation("When EventSource reconnects it sends Last-Event-ID: the id of the last event it got."
            + " The server answers with every message after it, oldest first, then new ones: no message is"
            + " lost to a dropped connection (the ids come from the database, so this holds across a server"
            + " restart too).")
        .build();
    return Check.of(info, context -> {
      long seenUpTo = postMessage(context, "seen before the drop");
      List<Long> missed = new ArrayList<>();
      missed.add(postMessage(context, "missed one"));
      missed.add(postMessage(context, "missed two"));
      try (OpenStream events = openEvents(context, "Last-Event-ID: " + seenUpTo)) {
        long last = missed.get(missed.size() - 1);
        events.awaitUntil(response -> hasEvent(response, last), PATIENCE);
        events.watch(Duration.ofMillis(50));
        Exchange seen = context.record(events);
        List<Long> ids = new ArrayList<>();
        for (Block event : EventStream.events(bodyText(seen.response()))) {
          if (event.id() != null && event.id().matches("[0-9]{1,18}")) ids.add(Long.parseLong(event.id()));
        }
        if (!ids.equals(missed)) {
          throw failAt(seen, seen.transcript().receivedTotal(), "events " + missed + " (after Last-Event-ID "
              + seenUpTo + "), oldest first", "events " + ids, SSE);
        }
      }
    });
  }
}
