package dev.wirelab.labs.lab01;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/** IMF-fixdate, RFC 9110 §5.6.7: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
final class HttpDates {
  private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
      .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US)
      .withZone(ZoneOffset.UTC)
      .withResolverStyle(ResolverStyle.STRICT);
  /** Wide on purpose: the check is about the format, not about the grading machine's clock. */
  private static final Duration PLAUSIBLE = Duration.ofDays(1);

  private HttpDates() {}

  /** Why {@code value} is not a plausible IMF-fixdate for now, or empty if it is. */
  static Optional<String> problemWith(String value) {
    if (!value.matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} "
        + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT")) {
      return Optional.of("not in the form \"Day, DD Mon YYYY HH:MM:SS GMT\"");
    }
    ZonedDateTime date;
    try {
      date = ZonedDateTime.parse(value, IMF_FIXDATE);
    } catch (DateTimeParseException e) {
      return Optional.of("not a real date, or the weekday does not match");
    }
    Duration skew = Duration.between(date, ZonedDateTime.now(ZoneOffset.UTC)).abs();
    if (skew.compareTo(PLAUSIBLE) > 0) return Optional.of("more than a day away from now");
    return Optional.empty();
  }
}
