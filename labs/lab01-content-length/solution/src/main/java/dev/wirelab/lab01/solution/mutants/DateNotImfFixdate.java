package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;
import java.time.Instant;
import java.util.Date;

/** Classic bug: Date is java.util.Date.toString(), "Sun Nov 06 08:49:37 UTC 1994", not IMF-fixdate. */
public class DateNotImfFixdate extends ReferenceServer {
  @Override
  protected String httpDate(Instant instant) {
    return new Date(instant.toEpochMilli()).toString();
  }
}
