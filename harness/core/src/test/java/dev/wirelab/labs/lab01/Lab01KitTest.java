package dev.wirelab.labs.lab01;

import dev.wirelab.grade.Lab;
import dev.wirelab.testing.LabKitContract;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/** Lab 01's kit proves itself; what it must prove is in {@link LabKitContract}. */
@Timeout(600)
class Lab01KitTest extends LabKitContract {
  /** Where each mutant's diagnostic must point. */
  private static final Map<String, String> BYTES_AT_CARET = Map.ofEntries(
      Map.entry("http10-status-line", "HTTP/1.0"),
      Map.entry("bare-lf", "\\n"),
      Map.entry("missing-blank-line", "Hello, "),
      Map.entry("length-in-chars", "Content-Length: 10"),
      Map.entry("length-off-by-one", "Content-Length: 15"),
      Map.entry("missing-final-newline", "⟂"),
      Map.entry("content-type-without-charset", "Content-Type: text/plain\\r\\n"),
      Map.entry("date-not-imf-fixdate", "Date: "),
      Map.entry("no-connection-close-header", "\\r\\n"),
      Map.entry("keeps-connection-open", "⟂"),
      Map.entry("extra-bytes-after-body", "\\r\\n"),
      Map.entry("single-read-request", "HTTP/1.1 400"),
      Map.entry("text-mode-line-endings", "\\r\\n"),
      Map.entry("file-as-text", "\\xEF\\xBF\\xBD"),
      Map.entry("empty-body-without-content-length", "\\r\\n"),
      Map.entry("single-read-file", "⟂"),
      Map.entry("soft-404", "200"),
      Map.entry("path-traversal", "wirelab secret"),
      Map.entry("encoded-traversal", "wirelab secret"),
      Map.entry("body-on-head", "Hello, "),
      Map.entry("content-length-on-204", "Content-Length: 0"),
      Map.entry("405-without-allow", "\\r\\n"),
      Map.entry("accepts-any-request-line", "405"),
      Map.entry("no-content-type-on-files", "\\r\\n"));

  @Override
  protected Lab lab() {
    return new ContentLengthLab();
  }

  @Override
  protected Map<String, String> bytesAtCaret() {
    return BYTES_AT_CARET;
  }
}
