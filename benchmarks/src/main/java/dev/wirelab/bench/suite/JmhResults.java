package dev.wirelab.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the file JMH writes with {@code -rf json}: an array with one object per benchmark and parameter
 * set. JMH writes a score it could not compute (the error of a single iteration) as the string
 * {@code "NaN"}, which {@link JsonNode#asDouble} reads as NaN.
 */
public final class JmhResults {
  private JmhResults() {}

  public static List<BenchmarkResult> read(Path json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    List<BenchmarkResult> results = new ArrayList<>();
    for (JsonNode row : root) {
      SortedMap<String, String> params = new TreeMap<>();
      row.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      Map<String, BenchmarkResult.Metric> secondary = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = row.path("secondaryMetrics").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        secondary.put(entry.getKey(), metric(entry.getValue()));
      }
      results.add(new BenchmarkResult(row.path("benchmark").asText(), row.path("mode").asText(),
          row.path("threads").asInt(1), params, metric(row.path("primaryMetric")), secondary));
    }
    return results;
  }

  private static BenchmarkResult.Metric metric(JsonNode node) {
    SortedMap<Double, Double> percentiles = new TreeMap<>();
    node.path("scorePercentiles").fields()
        .forEachRemaining(e -> percentiles.put(Double.parseDouble(e.getKey()), e.getValue().asDouble()));
    return new BenchmarkResult.Metric(node.path("score").asDouble(Double.NaN), number(node.path("scoreError")),
        node.path("scoreUnit").asText(), percentiles);
  }

  private static double number(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? Double.NaN : node.asDouble(Double.NaN);
  }
}
