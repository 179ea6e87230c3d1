package dev.wirelab.bench.suite;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler;

/**
 * One PNG per benchmark class, drawn with XChart from the JSON alone, so a class added later gets its
 * chart without a line here. Each PNG stacks panels: for {@code Mode.SampleTime} one per percentile (p50,
 * p99, p99.9), otherwise the score with JMH's error as error bars; then one per secondary metric
 * ({@code @AuxCounters} such as bytes on the wire). The x axis is the numeric parameter with the most
 * values (a message size, a padding); each series is one variant. A panel whose values span more than
 * two orders of magnitude (Nagle's 40 ms next to microseconds) gets a log scale, or the small bars vanish.
 */
final class Charts {
  private static final int WIDTH = 900;
  private static final int PANEL_HEIGHT = 420;
  private static final double LOG_SCALE_SPAN = 100;

  private Charts() {}

  /** Draws every class's chart into {@code folder}; returns the files written. */
  static List<Path> drawAll(List<BenchmarkResult> results, Path folder) throws IOException {
    Map<String, List<BenchmarkResult>> byClass = results.stream()
        .collect(Collectors.groupingBy(BenchmarkResult::className, TreeMap::new, Collectors.toList()));
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, List<BenchmarkResult>> entry : byClass.entrySet()) {
      Map<String, List<BenchmarkResult>> byMode = entry.getValue().stream()
          .collect(Collectors.groupingBy(BenchmarkResult::mode, TreeMap::new, Collectors.toList()));
      for (Map.Entry<String, List<BenchmarkResult>> mode : byMode.entrySet()) {
        String name = byMode.size() == 1 ? entry.getKey() : entry.getKey() + "-" + mode.getKey();
        List<CategoryChart> panels = panels(name, mode.getValue());
        if (panels.isEmpty()) continue;
        Path png = folder.resolve(name + ".png");
        try {
          write(panels, png);
          written.add(png);
        } catch (RuntimeException e) {
          // One chart XChart cannot draw must not cost the run its other charts and its goals.
          System.err.println("chart " + png.getFileName() + " not drawn: " + e);
        }
      }
    }
    return written;
  }

  private static List<CategoryChart> panels(String name, List<BenchmarkResult> rows) {
    Layout layout = Layout.of(rows);
    List<CategoryChart> panels = new ArrayList<>();
    String unit = rows.get(0).primary().unit();
    if (rows.get(0).isSampled()) {
      for (double percentile : new double[] {50.0, 99.0, 99.9}) {
        panels.add(panel(name + ": p" + trim(percentile), unit, layout, rows, row -> row.primary().percentile(percentile), null));
      }
    } else {
      panels.add(panel(name + ": score (± JMH error)", unit, layout, rows, row -> row.primary().score(),
          row -> row.primary().error()));
    }
    Set<String> secondary = secondaryMetrics(rows);
    if (secondary.contains("wireBytes") && secondary.contains("payloadBytes")) {
      // Counted as rates over the same iteration, so their ratio is bytes on the wire per payload byte.
      panels.add(panel(name + ": wire bytes per payload byte", "bytes/byte", layout, rows,
          row -> row.secondary().containsKey("wireBytes")
              ? row.secondary().get("wireBytes").score() / row.secondary().get("payloadBytes").score() : Double.NaN,
          null));
    }
    for (String metric : secondary) {
      List<BenchmarkResult> having = rows.stream().filter(row -> row.secondary().containsKey(metric)).toList();
      panels.add(panel(name + ": " + metric, having.get(0).secondary().get(metric).unit(), layout, having,
          row -> row.secondary().get(metric).score(), row -> row.secondary().get(metric).error()));
    }
    return panels;
  }

  /**
   * Secondary metrics worth a panel: not a profiler's ({@code ·gc...}), and not a {@code @Group}'s
   * per-method scores, which repeat the primary metric in its unit.
   */
  private static Set<String> secondaryMetrics(List<BenchmarkResult> rows) {
    Set<String> names = new LinkedHashSet<>();
    for (BenchmarkResult row : rows) {
      row.secondary().forEach((metric, value) -> {
        boolean profiler = metric.startsWith("·");
        // A sampled benchmark's percentiles come as secondary metrics p0.50, p0.99...: already panels.
        boolean percentile = row.isSampled() && metric.matches("p\\d\\.\\d+");
        boolean groupMember = row.threads() > 1 && value.unit().equals(row.primary().unit());
        if (!profiler && !percentile && !groupMember && !Double.isNaN(value.score())) names.add(metric);
      });
    }
    return names;
  }

  private static CategoryChart panel(String title, String unit, Layout layout, List<BenchmarkResult> rows,
      ToDoubleFunction<BenchmarkResult> value, ToDoubleFunction<BenchmarkResult> error) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title)
        .xAxisTitle(layout.xTitle()).yAxisTitle(unit).build();
    Styler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisLabelRotation(layout.categories().size() > 6 ? 45 : 0);
    Map<String, List<Double>> valuesBySeries = new LinkedHashMap<>();
    Map<String, List<Double>> errorsBySeries = new LinkedHashMap<>();
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    boolean errorReachesZero = false;
    for (Map.Entry<String, Map<String, BenchmarkResult>> series : layout.series().entrySet()) {
      List<Double> values = new ArrayList<>();
      List<Double> errors = new ArrayList<>();
      for (String category : layout.categories()) {
        BenchmarkResult row = series.getValue().get(category);
        boolean present = row != null && rows.contains(row);
        double y = present ? value.applyAsDouble(row) : Double.NaN;
        double e = present && error != null ? error.applyAsDouble(row) : Double.NaN;
        if (y > 0) {
          smallest = Math.min(smallest, y);
          largest = Math.max(largest, y);
        }
        if (!Double.isNaN(e) && e >= y) errorReachesZero = true;
        values.add(Double.isNaN(y) ? null : y);
        errors.add(Double.isNaN(e) || Double.isNaN(y) ? 0.0 : e);
      }
      if (values.stream().allMatch(v -> v == null)) continue;
      valuesBySeries.put(series.getKey(), values);
      errorsBySeries.put(series.getKey(), errors);
    }
    boolean logarithmic = largest > 0 && largest / smallest > LOG_SCALE_SPAN;
    // A log axis has no zero: an error bar reaching it cannot be drawn, so such a panel shows none.
    boolean withErrorBars = error != null && !(logarithmic && errorReachesZero);
    if (logarithmic) {
      // XChart starts bars at zero, which a log axis lacks: points instead, not joined, since the
      // categories are separate variants, not a sequence.
      chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Scatter);
      chart.getStyler().setYAxisLogarithmic(true);
      chart.setTitle(title + " (log scale" + (error != null && !withErrorBars ? ", no error bars" : "") + ")");
    }
    for (String series : valuesBySeries.keySet()) {
      if (logarithmic) {
        // No zero on a log axis: a zero (a counter that never fired) is left out, not drawn.
        valuesBySeries.get(series).replaceAll(v -> v != null && v > 0 ? v : null);
      }
      if (withErrorBars) {
        chart.addSeries(series, layout.categories(), valuesBySeries.get(series), errorsBySeries.get(series));
      } else {
        chart.addSeries(series, layout.categories(), valuesBySeries.get(series));
      }
    }
    return chart;
  }

  private static void write(List<CategoryChart> panels, Path png) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, PANEL_HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int i = 0; i < panels.size(); i++) {
      Graphics2D panelGraphics = (Graphics2D) graphics.create(0, i * PANEL_HEIGHT, WIDTH, PANEL_HEIGHT);
      panels.get(i).paint(panelGraphics, WIDTH, PANEL_HEIGHT);
      panelGraphics.dispose();
    }
    graphics.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static String trim(double percentile) {
    return percentile == Math.rint(percentile) ? String.valueOf((int) percentile) : String.valueOf(percentile);
  }

  /**
   * Which parameter is the x axis and what makes a series. The x axis is the parameter whose values are
   * all numbers, with the most distinct values; without one, each variant is its own category.
   */
  private record Layout(String xTitle, List<String> categories, Map<String, Map<String, BenchmarkResult>> series) {
    static Layout of(List<BenchmarkResult> rows) {
      String xParam = null;
      int mostValues = 1;
      for (String param : rows.get(0).params().keySet()) {
        Set<String> values = rows.stream().map(row -> row.params().get(param)).collect(Collectors.toSet());
        boolean numeric = values.stream().allMatch(v -> v != null && v.matches("-?\\d+(\\.\\d+)?"));
        if (numeric && values.size() > mostValues) {
          xParam = param;
          mostValues = values.size();
        }
      }
      boolean severalMethods = rows.stream().map(BenchmarkResult::method).distinct().count() > 1;
      String x = xParam;
      Map<String, Map<String, BenchmarkResult>> series = new LinkedHashMap<>();
      for (BenchmarkResult row : rows) {
        List<String> parts = new ArrayList<>();
        if (severalMethods) parts.add(row.method());
        row.params().forEach((param, value) -> {
          if (!param.equals(x)) parts.add(param + "=" + value);
        });
        String variant = parts.isEmpty() ? row.method() : String.join(" ", parts);
        if (x == null) {
          // No numeric parameter: each variant is a category of the one series.
          series.computeIfAbsent("variant", key -> new LinkedHashMap<>()).put(variant, row);
        } else {
          series.computeIfAbsent(variant, key -> new LinkedHashMap<>()).put(row.params().get(x), row);
        }
      }
      List<String> categories = x == null
          ? List.copyOf(series.get("variant").keySet())
          : rows.stream().map(row -> row.params().get(x)).distinct()
              .sorted((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b))).toList();
      return new Layout(x == null ? "variant" : x, categories, series);
    }
  }
}
