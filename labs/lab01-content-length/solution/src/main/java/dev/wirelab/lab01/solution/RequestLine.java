package dev.wirelab.lab01.solution;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The first line of a request: {@code GET /hello HTTP/1.1}. */
public record RequestLine(String method, String target, String version) {

  // RFC 9112 §3: method SP request-target SP HTTP-version, each single SP. The method is a token
  // (RFC 9110 §5.6.2); the target is visible ASCII with no spaces; the version is HTTP/DIGIT.DIGIT.
  private static final Pattern REQUEST_LINE =
      Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) ([\\x21-\\x7E]+) (HTTP/([0-9])\\.[0-9])");

  // RFC 9112 §3.2.2: a server must accept the absolute form too, as sent to proxies.
  private static final Pattern ABSOLUTE_FORM = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?]*([^?]*).*");

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

  private static String printable(String line) {
    String shortened = line.length() > 80 ? line.substring(0, 80) + "..." : line;
    return shortened.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
