package dev.wirelab.labs.lab03;

import dev.wirelab.grade.Lab;
import dev.wirelab.testing.LabKitContract;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/** Lab 03's kit proves itself; what it must prove is in {@link LabKitContract}. */
@Timeout(600)
class Lab03KitTest extends LabKitContract {
  /** Where each mutant's diagnostic must point. */
  private static final Map<String, String> BYTES_AT_CARET = Map.ofEntries(
      Map.entry("content-length-counts-chars", "Content-Length: 10"),
      Map.entry("closes-after-every-response", "⟂"), // the FIN right after the first response
      Map.entry("ignores-connection-close", "Connection: keep-alive"),
      Map.entry("keeps-http10-open", "Connection: keep-alive"),
      Map.entry("http10-keep-alive-ignored", "Connection: close"),
      Map.entry("new-reader-per-request", "⟂"), // nothing after the first of five responses
      Map.entry("pipelined-out-of-order", "HTTP/1.1 200 OK"), // a response in the wrong place
      Map.entry("ignores-request-body", "HTTP/1.1 404 Not Found"), // the body, answered as a request
      Map.entry("chunked-body-ignored", "HTTP/1.1 400 Bad Request"), // a chunk, parsed as a request line
      Map.entry("stream-without-last-chunk", "HTTP/1.1 200 OK"), // where the last-chunk belongs
      Map.entry("error-page-length-one-too-large", "TTP/1.1 405"), // the 404 ate the next response's H
      // HEAD's body where the next status line belongs: "H" could start "HTTP/", "e" cannot.
      Map.entry("head-sends-body", "ello, "),
      Map.entry("no-idle-timeout", "⟂"),
      Map.entry("closes-idle-too-soon", "⟂"),
      Map.entry("idle-timeout-cuts-slow-response", "⟂"),
      Map.entry("reads-request-in-one-read", "400 Bad Request"),
      Map.entry("idle-timer-not-reset-by-request", "⟂"),
      Map.entry("discards-partial-request", "400 Bad Request"),
      Map.entry("ignores-max-requests", "Connection: keep-alive"),
      Map.entry("keep-alive-max-not-counting", "Keep-Alive: timeout=1, max=25"),
      Map.entry("single-threaded", "⟂"),
      Map.entry("bad-request-keeps-connection", "Connection: keep-alive"),
      Map.entry("accepts-te-and-cl", "200 OK"),
      Map.entry("invalid-chunk-size-ends-body", "200 OK"),
      Map.entry("no-head-size-limit", "200 OK"),
      Map.entry("accepts-header-without-colon", "200 OK"),
      Map.entry("says-close-keeps-open", "Connection: close"),
      Map.entry("bare-close", "⟂"), // the reset, after whatever of the 413 survived it
      Map.entry("ignores-expect-continue", "⟂")); // nothing at all: the client is still waiting

  @Override
  protected Lab lab() {
    return new KeepAliveLab();
  }

  @Override
  protected Map<String, String> bytesAtCaret() {
    return BYTES_AT_CARET;
  }
}
