package dev.wirelab.bench.suite;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * One row of JMH's JSON result: one benchmark method (or group) with one set of parameters.
 *
 * @param benchmark the full name, {@code dev.wirelab.bench.flush.B01_FlushLatency.raw}
 * @param mode JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param threads threads that ran it; more than one for a {@code @Group} benchmark
 * @param params the {@code @Param} values, in name order
 * @param primary the score JMH reports first
 * @param secondary the other metrics: a group's methods, {@code @AuxCounters}, profilers
 */
public record BenchmarkResult(String benchmark, String mode, int threads, SortedMap<String, String> params,
    Metric primary, Map<String, Metric> secondary) {

  /** The class's simple name, {@code B01_FlushLatency}. */
  public String className() {
    String qualifiedClass = benchmark.substring(0, benchmark.lastIndexOf('.'));
    return qualifiedClass.substring(qualifiedClass.lastIndexOf('.') + 1);
  }

  /** The method (or group) name, {@code raw}. */
  public String method() {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** The parameters as {@code size=16 buffer=4096}; empty when there are none. */
  public String paramsLabel() {
    return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }

  /** Method and parameters: what tells this row from its class's others. */
  public String label() {
    return params.isEmpty() ? method() : method() + " " + paramsLabel();
  }

  public boolean isSampled() {
    return mode.equals("sample");
  }

  /**
   * A score with its spread as JMH computed it.
   *
   * @param error the half-width of the 99.9% confidence interval; NaN when JMH had too few
   *     iterations to say (one iteration, as in quick mode)
   * @param percentiles for sampled modes, by percentile: {@code 50.0}, {@code 99.0}, {@code 99.9}
   */
  public record Metric(double score, double error, String unit, SortedMap<Double, Double> percentiles) {
    public double percentile(double percentile) {
      Double value = percentiles.get(percentile);
      return value == null ? Double.NaN : value;
    }

    /** {@code 12.3 ± 0.4 us/op}, or without the ± when JMH gave no error. */
    public String format() {
      return SuiteFormat.withError(score, error) + " " + unit;
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s: %s", className(), label(), primary.format());
  }
}
