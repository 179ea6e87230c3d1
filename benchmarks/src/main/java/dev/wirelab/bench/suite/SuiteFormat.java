package dev.wirelab.bench.suite;

import java.util.Locale;

/** Numbers as the suite prints them: three significant digits, so a ratio is not read as more precise than it is. */
final class SuiteFormat {
  private SuiteFormat() {}

  static String number(double value) {
    if (Double.isNaN(value)) return "n/a";
    if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
    double magnitude = Math.abs(value);
    if (magnitude >= 1000) return String.format(Locale.ROOT, "%,.0f", value);
    if (magnitude >= 100) return String.format(Locale.ROOT, "%.0f", value);
    if (magnitude >= 10) return String.format(Locale.ROOT, "%.1f", value);
    if (magnitude >= 1) return String.format(Locale.ROOT, "%.2f", value);
    return String.format(Locale.ROOT, "%.3g", value);
  }

  static String withError(double score, double error) {
    return Double.isNaN(error) ? number(score) : number(score) + " ± " + number(error);
  }

  /** A ratio with its spread, from two scores with JMH's errors, propagated as relative errors add. */
  static String ratio(double numerator, double numeratorError, double denominator, double denominatorError) {
    double ratio = numerator / denominator;
    if (Double.isNaN(numeratorError) || Double.isNaN(denominatorError)) return number(ratio) + "x";
    double relative = Math.abs(numeratorError / numerator) + Math.abs(denominatorError / denominator);
    return number(ratio) + "x ± " + number(ratio * relative);
  }
}
