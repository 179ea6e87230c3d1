package dev.wirelab.labs.lab04;

import dev.wirelab.grade.Lab;
import dev.wirelab.testing.LabKitContract;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/** Lab 04's kit proves itself; what it must prove is in {@link LabKitContract}. */
@Timeout(900)
class Lab04KitTest extends LabKitContract {
  /** Where each mutant's diagnostic must point. */
  private static final Map<String, String> BYTES_AT_CARET = Map.ofEntries(
      Map.entry("post-returns-200", "200 OK"),
      Map.entry("accepts-empty-message", "201 Created"),
      Map.entry("after-is-inclusive", "[{\"id\":1,"), // message 1 is not after 1
      Map.entry("stream-as-text-plain", "Content-type: text/plain"),
      Map.entry("no-prelude", "3e\\r\\n<p data-id="), // a message where the prelude belongs
      Map.entry("messages-batched", "62\\r\\n<p data-id=\"1\">stored before"), // two paragraphs, one chunk
      Map.entry("seed-polling", "23\\r\\n<p data-id=\"1\">latency probe 1"),
      Map.entry("no-escaping", "<script>alert"),
      Map.entry("no-flush", "36\\r\\n<p data-id=\"1\">latency probe 1"), // message and heartbeat, flushed late
      Map.entry("mark-all-read", "⟂"), // where the messages another reader took should be
      Map.entry("lost-wakeup", "⟂"),
      Map.entry("no-heartbeat", "⟂"),
      Map.entry("leaked-subscriber", "{\"stream\":1"),
      Map.entry("poll-waits-when-messages-exist", "⟂"),
      Map.entry("poll-sleep-loop", "HTTP/1.1 200 OK"), // the answer that came too late
      Map.entry("poll-timeout-200-empty", "200 OK"),
      Map.entry("sse-no-retry", "d\\r\\n: heartbeat"), // the first block, without retry
      Map.entry("sse-multiline-unsplit", "id: 1\\ndata: line one\\nline two"),
      Map.entry("last-event-id-ignored", "⟂"),
      Map.entry("page-polls-instead-of-eventsource", "<!DOCTYPE html>"),
      Map.entry("stats-counts-nothing", "{\"stream\":0"));

  @Override
  protected Lab lab() {
    return new CometLab();
  }

  @Override
  protected Map<String, String> bytesAtCaret() {
    return BYTES_AT_CARET;
  }
}
