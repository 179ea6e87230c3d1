package dev.wirelab.http;

import java.util.List;

/**
 * Decides how a response body is delimited, once, in the order of RFC 9112 §6.3. The first rule that
 * applies wins; rule 7 concerns only requests and is left out.
 */
final class MessageBodyLength {
  private MessageBodyLength() {}

  /** The decision, plus the Content-Length when that is the framing. */
  record Decision(Framing framing, long contentLength, Violation violation, boolean fatal) {}

  static Decision decide(String requestMethod, StatusLine status, Headers headers) {
    int code = status.code();
    List<HeaderField> contentLengths = headers.all("Content-Length");
    List<String> codings = headers.listValues("Transfer-Encoding");

    // Rule 1: HEAD, 1xx, 204 and 304 responses end at the empty line, whatever the fields say.
    if ("HEAD".equalsIgnoreCase(requestMethod) || status.isInformational() || code == 204 || code == 304) {
      return new Decision(Framing.NONE, -1, forbiddenFields(code, headers), false);
    }
    // Rule 2 (a 2xx answer to CONNECT) never applies: the harness sends no CONNECT.
    // Rules 3 and 4: Transfer-Encoding overrides Content-Length; chunked must come last.
    if (!codings.isEmpty()) {
      HeaderField encoding = headers.field("Transfer-Encoding").orElseThrow();
      if (!contentLengths.isEmpty()) {
        HeaderField contentLength = contentLengths.get(0);
        return new Decision(
            chunkedLast(codings) ? Framing.CHUNKED : Framing.CLOSE_DELIMITED,
            -1,
            new Violation(Rule.CONTENT_LENGTH_WITH_TRANSFER_ENCODING,
                "no Content-Length beside Transfer-Encoding: " + encoding.value(),
                "Content-Length: " + contentLength.value(), contentLength.offset()),
            false);
      }
      if (chunkedLast(codings)) {
        long chunkedCount = codings.stream().filter("chunked"::equalsIgnoreCase).count();
        Violation twice = chunkedCount > 1
            ? new Violation(Rule.TRANSFER_CODING, "chunked applied once",
                "Transfer-Encoding: " + encoding.value(), encoding.offset())
            : null;
        return new Decision(Framing.CHUNKED, -1, twice, false);
      }
      // Rule 4, response case: chunked not last means the body runs until the connection closes,
      // which RFC 9112 §6.1 allows a server to do for other codings.
      return new Decision(Framing.CLOSE_DELIMITED, -1, null, false);
    }
    // Rules 5 and 6: an invalid Content-Length is unrecoverable; a valid one is the body length.
    if (!contentLengths.isEmpty()) {
      long length = -1;
      Violation repeated = null;
      for (HeaderField field : contentLengths) {
        String[] elements = field.value().split(",", -1);
        if ((elements.length > 1 || contentLengths.size() > 1) && repeated == null) {
          // A recipient may accept identical repeats (RFC 9110 §8.6); a sender sends one 1*DIGIT value.
          repeated = new Violation(Rule.CONTENT_LENGTH_VALUE, "one Content-Length value",
              "\"Content-Length: " + field.value() + "\"" + (contentLengths.size() > 1 ? " among several fields" : ""),
              field.offset());
        }
        for (String element : elements) {
          String value = element.trim().replaceFirst("^0+(?=[0-9])", "");
          if (!value.matches("[0-9]{1,18}")) {
            return new Decision(null, -1, new Violation(Rule.CONTENT_LENGTH_VALUE,
                "a decimal number of octets", "\"Content-Length: " + field.value() + "\"", field.offset()), true);
          }
          long parsed = Long.parseLong(value);
          if (length != -1 && parsed != length) {
            return new Decision(null, -1, new Violation(Rule.CONTENT_LENGTH_VALUE,
                "one Content-Length value, " + length, "also " + parsed, field.offset()), true);
          }
          length = parsed;
        }
      }
      return new Decision(Framing.CONTENT_LENGTH, length, repeated, false);
    }
    // Rule 8: a response with neither is delimited by the server closing the connection.
    return new Decision(Framing.CLOSE_DELIMITED, -1, null, false);
  }

  private static boolean chunkedLast(List<String> codings) {
    return "chunked".equalsIgnoreCase(codings.get(codings.size() - 1));
  }

  private static Violation forbiddenFields(int code, Headers headers) {
    if (code != 204 && (code < 100 || code >= 200)) return null;
    var contentLength = headers.field("Content-Length");
    if (contentLength.isPresent()) {
      return new Violation(Rule.CONTENT_LENGTH_NOT_ALLOWED, "no Content-Length in a " + code + " response",
          "Content-Length: " + contentLength.get().value(), contentLength.get().offset());
    }
    var encoding = headers.field("Transfer-Encoding");
    if (encoding.isPresent()) {
      return new Violation(Rule.TRANSFER_ENCODING_NOT_ALLOWED, "no Transfer-Encoding in a " + code + " response",
          "Transfer-Encoding: " + encoding.get().value(), encoding.get().offset());
    }
    return null;
  }
}
