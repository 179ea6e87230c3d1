package dev.wirelab.labs.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one date format an HTTP sender generates (RFC 9110 §5.6.7): IMF-fixdate, always GMT, always a
 * two-digit day, English names whatever the JVM's locale: {@code Sun, 06 Nov 1994 08:49:37 GMT}.
 */
public final class HttpDate {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private HttpDate() {}

  /** {@code instant} in IMF-fixdate, to the second. */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  /** The current time in IMF-fixdate, for a response's Date field (RFC 9110 §6.6.1). */
  public static String now() {
    return format(Instant.now());
  }
}
