package dev.wirelab.bench.browser;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The results as Markdown: rows are prelude sizes, columns content types. A cell is the median time to
 * visible with its range over the repetitions, or {@code held} when no repetition showed the message
 * within the cap; a cell where only some did says how many.
 */
final class PaddingTable {
  private PaddingTable() {
  }

  static String latency(List<TrialResult> results, List<Integer> sizes, List<ContentTypeCase> columns) {
    return table(results, sizes, columns, PaddingTable::latencyCell);
  }

  /** Where the page stood when the message was written: which layer held the bytes. */
  static String stateBeforeMessage(List<TrialResult> results, List<Integer> sizes, List<ContentTypeCase> columns) {
    return table(results, sizes, columns, cell -> tally(cell, TrialResult::stateBeforeMessage));
  }

  /** The encoding Chromium chose: padding aside, the other thing a missing charset changes. */
  static String characterSets(List<TrialResult> results, List<Integer> sizes, List<ContentTypeCase> columns) {
    return table(results, sizes, columns, cell -> tally(cell, TrialResult::characterSet));
  }

  private static String tally(List<TrialResult> cell, Function<TrialResult, String> value) {
    Map<String, Long> counts = new TreeMap<>(cell.stream().collect(Collectors.groupingBy(value, Collectors.counting())));
    if (counts.size() == 1) return counts.keySet().iterator().next();
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "/" + cell.size())
        .collect(Collectors.joining(", "));
  }

  private static String table(List<TrialResult> results, List<Integer> sizes, List<ContentTypeCase> columns,
      Function<List<TrialResult>, String> cellText) {
    StringBuilder out = new StringBuilder("| prelude P (octets) |");
    for (ContentTypeCase column : columns) out.append(' ').append(column.label()).append(" |");
    out.append("\n|---:|");
    out.append("---|".repeat(columns.size())).append('\n');
    for (int size : sizes) {
      out.append("| ").append(size).append(" |");
      for (ContentTypeCase column : columns) {
        List<TrialResult> cell = results.stream()
            .filter(r -> r.preludeBytes() == size && r.contentType() == column)
            .toList();
        out.append(' ').append(cell.isEmpty() ? "–" : cellText.apply(cell)).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String latencyCell(List<TrialResult> cell) {
    List<Long> shown = cell.stream().filter(TrialResult::shown).map(TrialResult::shownAfterNanos).sorted().toList();
    if (shown.isEmpty()) return "held";
    String figure = shown.size() == 1
        ? millis(shown.get(0))
        : millis(median(shown)) + " (" + millis(shown.get(0)) + "–" + millis(shown.get(shown.size() - 1)) + ")";
    return shown.size() == cell.size() ? figure : figure + ", held " + (cell.size() - shown.size()) + "/" + cell.size();
  }

  static long median(List<Long> sorted) {
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static String millis(long nanos) {
    return String.format("%.0f", nanos / 1e6);
  }
}
