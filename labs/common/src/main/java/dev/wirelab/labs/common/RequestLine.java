package dev.wirelab.labs.common;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of a request: {@code GET /stream?count=3 HTTP/1.1}. {@link #parse} accepts only
 * {@code METHOD SP request-target SP HTTP-version} and rejects anything else with 400.
 */
public record RequestLine(String method, String target, String version) {

  // RFC 9112 §3: method SP request-target SP HTTP-version, each single SP. The method is a token
  // (RFC 9110 §5.6.2); the target is visible ASCII with no spaces; the version is HTTP/DIGIT.DIGIT.
  private static final Pattern REQUEST_LINE =
      Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) ([\\x21-\\x7E]+) (HTTP/([0-9])\\.[0-9])");

  // RFC 9112 §3.2.2: a server must accept the absolute form too, as sent to proxies.
  private static final Pattern ABSOLUTE_FORM = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?]*([^?]*).*");

  private static final Pattern HTTP_VERSION = Pattern.compile("HTTP/[0-9]\\.([0-9])");
  private static final Pattern DECIMAL_DIGITS = Pattern.compile("[0-9]{1,18}"); // 18 digits fit a long.

  public static RequestLine parse(String line) throws RejectedRequest {
    Matcher matcher = REQUEST_LINE.matcher(line);
    if (!matcher.matches()) {
      throw new RejectedRequest(400, "Bad Request",
          "expected METHOD SP request-target SP HTTP-version but was \"" + printable(line) + "\"");
    }
    if (!matcher.group(4).equals("1")) {
      throw new RejectedRequest(505, "HTTP Version Not Supported",
          "expected HTTP/1.x but was " + matcher.group(3));
    }
    RequestLine request = new RequestLine(matcher.group(1), matcher.group(2), matcher.group(3));
    if (request.path().isEmpty()) {
      throw new RejectedRequest(400, "Bad Request",
          "expected a request-target starting with / but was " + request.target());
    }
    return request;
  }

  /** The path the target names, without its query: {@code /hello?x=1} is routed as {@code /hello}. */
  public String path() {
    String withoutQuery = target.split("\\?", 2)[0];
    if (withoutQuery.startsWith("/")) return withoutQuery;
    Matcher absolute = ABSOLUTE_FORM.matcher(target);
    if (absolute.matches()) return absolute.group(1).isEmpty() ? "/" : absolute.group(1);
    return ""; // Asterisk or authority form: not for the resources this server has.
  }

  /**
   * The minor digit of the version: 1 for {@code HTTP/1.1}, 0 for {@code HTTP/1.0}. Features such as
   * the chunked coding need a client of minor version 1 or more (RFC 9112 §6.1).
   */
  public int minorVersion() {
    Matcher matcher = HTTP_VERSION.matcher(version);
    if (!matcher.matches()) throw new IllegalStateException("not an HTTP version: " + version);
    return Integer.parseInt(matcher.group(1));
  }

  /**
   * The percent-decoded value of the first {@code name=value} pair in the query (RFC 3986 §3.4), or
   * empty when there is none. {@code /stream?count=3&interval=500} has {@code count} "3"; a bare
   * {@code ?flag} has {@code flag} "". A broken escape ({@code %zz}) is a bad request.
   */
  public Optional<String> queryParameter(String name) throws RejectedRequest {
    int questionMark = target.indexOf('?');
    if (questionMark == -1) return Optional.empty();
    try {
      for (String pair : target.substring(questionMark + 1).split("&")) {
        String[] nameAndValue = pair.split("=", 2);
        if (PercentDecoding.decode(nameAndValue[0]).equals(name)) {
          return Optional.of(nameAndValue.length == 2 ? PercentDecoding.decode(nameAndValue[1]) : "");
        }
      }
    } catch (IllegalArgumentException e) {
      throw new RejectedRequest(400, "Bad Request", "expected a query of percent-encoded UTF-8 but was "
          + printable(target.substring(questionMark)));
    }
    return Optional.empty();
  }

  /**
   * A whole-number query parameter: {@code defaultValue} when it is absent, otherwise its decimal
   * digits, which must lie between {@code min} and {@code max}. Anything else, {@code -1} or
   * {@code 5ms} or {@code 99999} for a max of 1000, is answered with 400.
   */
  public long queryNumber(String name, long defaultValue, long min, long max) throws RejectedRequest {
    Optional<String> value = queryParameter(name);
    if (value.isEmpty()) return defaultValue;
    if (DECIMAL_DIGITS.matcher(value.get()).matches()) {
      long number = Long.parseLong(value.get());
      if (number >= min && number <= max) return number;
    }
    throw new RejectedRequest(400, "Bad Request", "expected " + name + " between " + min + " and " + max
        + " but was \"" + printable(value.get()) + "\"");
  }

  private static String printable(String line) {
    String shortened = line.length() > 80 ? line.substring(0, 80) + "..." : line;
    return shortened.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
