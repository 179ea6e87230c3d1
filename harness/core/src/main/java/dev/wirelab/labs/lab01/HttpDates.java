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
  /**
   * Wide for clocks (a remote server's may drift), narrow enough for the classic bug: local time
   * labelled GMT is off by whole time-zone hours, at least 30 minutes in every zone but UTC.
   */
  static final Duration PLAUSIBLE = Duration.ofMinutes(10);

  private HttpDates() {}

  /** What is wrong with a Date value: its form, or its time. */
  record Problem(boolean format, String detail) {}

  /** Why {@code value} is not a plausible IMF-fixdate for now, or empty if it is. */
  static Optional<Problem> problemWith(String value) {
    if (!value.matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} "
        + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT")) {
      return Optional.of(new Problem(true, "not in the form \"Day, DD Mon YYYY HH:MM:SS GMT\""));
    }
    ZonedDateTime date;
    try {
      date = ZonedDateTime.parse(value, IMF_FIXDATE);
    } catch (DateTimeParseException e) {
      return Optional.of(new Problem(true, "not a real date, or the weekday does not match"));
    }
    Duration skew = Duration.between(date, ZonedDateTime.now(ZoneOffset.UTC)).abs();
    if (skew.compareTo(PLAUSIBLE) > 0) {
      return Optional.of(new Problem(false, skew.toMinutes() + " minutes from the harness's clock:"
          + " local time labelled GMT?"));
    }
    return Optional.empty();
  }
}
