package dev.wirelab.labs.lab02;

import dev.wirelab.grade.Lab;
import dev.wirelab.testing.LabKitContract;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/** Lab 02's kit proves itself; what it must prove is in {@link LabKitContract}. */
@Timeout(600)
class Lab02KitTest extends LabKitContract {
  /** Where each mutant's diagnostic must point. */
  private static final Map<String, String> BYTES_AT_CARET = Map.ofEntries(
      Map.entry("http10-status-line", "HTTP/1.0"),
      Map.entry("content-length-and-chunked", "Content-Length: "),
      Map.entry("decimal-chunk-size", "300\\r\\n"),
      Map.entry("missing-crlf-after-data", "2000\\r\\n"),
      Map.entry("size-counts-chars", "\\x00\\x01\\x02"), // data where the CRLF belongs
      Map.entry("no-final-crlf", "⟂"),
      Map.entry("extra-bytes-after-end", "\\r\\n"),
      Map.entry("zero-length-write-ends-body", "0\\r\\n\\r\\na\\r\\nmessage 1"),
      Map.entry("lines-split-across-chunks", "9\\r\\nmessage 1\\r\\n"),
      Map.entry("buffered-until-end", "a\\r\\nmessage 2\\n"),
      Map.entry("sends-all-at-once", "a\\r\\nmessage 2\\n"),
      Map.entry("trailer-without-trailer-field", "\\r\\n2000\\r\\n"),
      Map.entry("wrong-checksum", "X-Content-SHA256: e3b0c442"),
      Map.entry("trailer-without-te", "Trailer: X-Content-SHA256"),
      Map.entry("chunked-to-http10", "Transfer-Encoding: chunked"),
      Map.entry("head-with-last-chunk", "0\\r\\n\\r\\n"),
      Map.entry("empty-with-content-length", "\\r\\n"),
      Map.entry("method-not-allowed-without-allow", "\\r\\n405 Method Not Allowed"),
      Map.entry("oversized-chunks", "4e20\\r\\n"),
      Map.entry("writes-whole-buffer", "\\xA0\\xA1\\xA2"), // the bytes past the end
      Map.entry("te-exact-match", "\\r\\n"));

  @Override
  protected Lab lab() {
    return new ChunkedLab();
  }

  @Override
  protected Map<String, String> bytesAtCaret() {
    return BYTES_AT_CARET;
  }
}
