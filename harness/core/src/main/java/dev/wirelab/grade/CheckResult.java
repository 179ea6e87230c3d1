package dev.wirelab.grade;

import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Diagnostic;
import dev.wirelab.client.Exchange;
import java.util.List;

/**
 * What happened to one check.
 *
 * @param diagnostic why it failed or warned; null when it passed or did not run
 * @param note a one-line reason for NOT_RUN or ERROR, else null
 */
public record CheckResult(
    CheckInfo info,
    CheckStatus status,
    int pointsEarned,
    Diagnostic diagnostic,
    String note,
    List<Exchange> exchanges,
    long durationMillis) {

  public CheckResult {
    exchanges = List.copyOf(exchanges);
  }

  public String id() {
    return info.id();
  }
}
