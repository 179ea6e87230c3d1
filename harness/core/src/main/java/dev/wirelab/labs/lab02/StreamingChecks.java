package dev.wirelab.labs.lab02;

import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.transferCodingIsChunked;
import static dev.wirelab.labs.lab02.Lab02Requests.get;
import static dev.wirelab.labs.lab02.Lab02Requests.stream;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.http.Chunk;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.wire.Escaping;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Checks that /stream is streamed: one chunk per line, each sent when it was written. */
final class StreamingChecks {
  static final int TIMED_COUNT = 5;
  static final int TIMED_INTERVAL_MILLIS = 200;

  private StreamingChecks() {}

  static List<Check> all() {
    return List.of(oneChunkPerLine(), inStepWithInterval());
  }

  static Check oneChunkPerLine() {
    CheckInfo info = CheckInfo.builder("CH-09", "Each /stream line arrives as its own chunk")
        .points(6).contract().section("RFC 9112 §7.1").dependsOn("CH-01")
        .explanation("The contract writes each line with one write and one flush, so each line is one"
            + " chunk: \"a\\r\\nmessage 1\\n\\r\\n\". A line split over chunks, or lines merged into one,"
            + " means the writes are not reaching the wire as they were made.")
        .build();
    return Check.of(info, context -> {
      int count = 5;
      Exchange exchange = get(context, stream(count, 20));
      transferCodingIsChunked(exchange, "RFC 9112 §7.1");
      HttpResponse response = complete(exchange);
      List<byte[]> data = ChunkData.split(response);
      List<Chunk> chunks = response.dataChunks();
      for (int i = 0; i < count; i++) {
        byte[] expected = ("message " + (i + 1) + "\n").getBytes(StandardCharsets.UTF_8);
        if (i >= data.size()) {
          throw failAt(exchange, response.endOffset(), count + " data chunks, one per line",
              data.size() + " data chunks", "RFC 9112 §7.1");
        }
        if (!Arrays.equals(expected, data.get(i))) {
          throw failAt(exchange, chunks.get(i).sizeLineOffset(),
              "chunk " + (i + 1) + " to be the line \"" + Escaping.escape(expected) + "\"",
              "\"" + Escaping.escape(data.get(i)) + "\"", "RFC 9112 §7.1");
        }
      }
    });
  }

  static Check inStepWithInterval() {
    CheckInfo info = CheckInfo.builder("CH-10", "/stream chunks arrive in step with interval, the first at once")
        .points(8).contract().section("RFC 9112 §7.1").dependsOn("CH-09")
        .timeout(Duration.ofSeconds(10))
        .explanation("GET " + stream(TIMED_COUNT, TIMED_INTERVAL_MILLIS) + " writes a line every "
            + TIMED_INTERVAL_MILLIS + " ms. If each write is flushed to the socket, the chunks arrive about"
            + " that far apart. If a buffer holds them (BufferedOutputStream, a response buffer, output"
            + " buffering), they arrive together at the end. The margins are wide: every gap but one must be"
            + " at least half the interval, and the typical gap under twice it.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = get(context, stream(TIMED_COUNT, TIMED_INTERVAL_MILLIS));
      HttpResponse response = complete(exchange);
      List<Chunk> chunks = response.dataChunks();
      ArrivalVerdict verdict = ArrivalVerdict.judge(response.headerCompleteNanos(),
          chunks.stream().mapToLong(Chunk::firstByteNanos).toArray(),
          Duration.ofMillis(TIMED_INTERVAL_MILLIS));
      if (!verdict.inStep()) {
        throw failAt(exchange, chunks.get(verdict.chunkIndex()).sizeLineOffset(), verdict.expected(),
            verdict.actual(), "RFC 9112 §7.1");
      }
    });
  }
}
