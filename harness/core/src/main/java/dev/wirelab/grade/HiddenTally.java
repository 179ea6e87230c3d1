package dev.wirelab.grade;

import dev.wirelab.check.Check;
import dev.wirelab.check.Visibility;
import java.util.List;

/**
 * How many hidden checks a lab has and what they are worth. The visible lab class declares it, so a
 * harness without the hidden checks' code (a student edition) can still say "1 hidden check (2 points)
 * not run here"; a test of the full harness holds the declaration to the checks actually loaded.
 */
public record HiddenTally(int count, int points) {
  public static final HiddenTally NONE = new HiddenTally(0, 0);

  public HiddenTally {
    if (count < 0) throw new IllegalArgumentException("count < 0: " + count);
    if (points < 0) throw new IllegalArgumentException("points < 0: " + points);
  }

  /** The hidden checks among {@code checks}, counted. */
  public static HiddenTally of(List<Check> checks) {
    List<Check> hidden = checks.stream().filter(check -> check.info().visibility() == Visibility.HIDDEN).toList();
    return new HiddenTally(hidden.size(), hidden.stream().mapToInt(check -> check.info().points()).sum());
  }

  /** What this tally has beyond {@code present}: the hidden checks missing from this harness. */
  public HiddenTally minus(HiddenTally present) {
    return new HiddenTally(Math.max(0, count - present.count), Math.max(0, points - present.points));
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** "1 hidden check (2 points)", "2 hidden checks (4 points)". */
  public String describe() {
    return count + " hidden check" + (count == 1 ? "" : "s") + " (" + points + " point" + (points == 1 ? "" : "s") + ")";
  }
}
