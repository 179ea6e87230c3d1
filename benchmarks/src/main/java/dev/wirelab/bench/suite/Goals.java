package dev.wirelab.bench.suite;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The goals, each next to the figure this run measured. Printed, never asserted: whether a
 * machine meets a goal is what the run is for. A class that is missing (not written yet, or excluded
 * with {@code --include}) gets a line saying so rather than a made-up number.
 */
final class Goals {
  private static final String PADDING_TABLE = "dev.wirelab.bench.buffering.PaddingThresholdTable";

  private Goals() {}

  static String report(List<BenchmarkResult> results) {
    StringBuilder out = new StringBuilder("goals (printed, not asserted):\n");
    chunkedNearFloor(results, out);
    nagleRatio(results, out);
    paddingTable(out);
    keepAliveRatio(results, out);
    return out.toString();
  }

  /** B01: chunked writer + flush p50 within 1.5x of the raw socket's, per message size, same run. */
  private static void chunkedNearFloor(List<BenchmarkResult> results, StringBuilder out) {
    out.append("1. chunked writer + flush p50 within 1.5x of the raw-socket floor (B01)\n");
    List<BenchmarkResult> b01 = ofClass(results, "B01");
    List<BenchmarkResult> raw = b01.stream().filter(row -> row.isSampled() && hasVariant(row, "RAW_SOCKET")).toList();
    if (raw.isEmpty()) {
      out.append("   no B01 raw-socket result in this run\n");
      return;
    }
    for (BenchmarkResult floor : raw) {
      String size = sizeOf(floor);
      Optional<BenchmarkResult> chunked = b01.stream()
          .filter(row -> row.isSampled() && hasVariant(row, "CHUNKED") && sizeOf(row).equals(size)).findFirst();
      if (chunked.isEmpty()) continue;
      double ratio = chunked.get().primary().percentile(50) / floor.primary().percentile(50);
      out.append(String.format(Locale.ROOT, "   %-22s chunked p50 %s, raw p50 %s %s: %sx, %s%n", size,
          SuiteFormat.number(chunked.get().primary().percentile(50)), SuiteFormat.number(floor.primary().percentile(50)),
          floor.primary().unit(), SuiteFormat.number(ratio), ratio <= 1.5 ? "within 1.5x" : "MISSES 1.5x"));
    }
  }

  /** B02: the write-write-read stall with Nagle on, over the same with TCP_NODELAY. */
  private static void nagleRatio(List<BenchmarkResult> results, StringBuilder out) {
    out.append("2. Nagle + delayed ACK stall vs TCP_NODELAY, ratio (expect > 1000x) (B02)\n");
    List<BenchmarkResult> b02 = ofClass(results, "B02");
    Optional<BenchmarkResult> nagle = b02.stream().filter(Goals::nagleOn).findFirst();
    Optional<BenchmarkResult> noDelay = b02.stream().filter(Predicate.not(Goals::nagleOn))
        .filter(row -> nagle.isPresent() && row.mode().equals(nagle.get().mode())).findFirst();
    if (nagle.isEmpty() || noDelay.isEmpty()) {
      out.append("   no B02 pair (Nagle on, TCP_NODELAY) in this run\n");
      return;
    }
    BenchmarkResult.Metric on = nagle.get().primary();
    BenchmarkResult.Metric off = noDelay.get().primary();
    double ratio = on.score() / off.score();
    out.append("   Nagle on:    ").append(nagle.get().label()).append(": ").append(on.format()).append('\n');
    out.append("   TCP_NODELAY: ").append(noDelay.get().label()).append(": ").append(off.format()).append('\n');
    out.append("   ratio ").append(SuiteFormat.ratio(on.score(), on.error(), off.score(), off.error()))
        .append(ratio > 1000 ? ", above 1000x" : ", NOT above 1000x").append('\n');
  }

  /** A B02 row with Nagle's algorithm on: a parameter or method saying no-delay is false, or Nagle on. */
  private static boolean nagleOn(BenchmarkResult row) {
    String label = row.label().toLowerCase(Locale.ROOT).replace("_", "");
    if (label.contains("nodelay=false") || label.contains("nagle=true") || label.contains("nagle=on")) return true;
    if (label.contains("nodelay=true") || label.contains("nagle=false") || label.contains("nagle=off")) return false;
    String method = row.method().toLowerCase(Locale.ROOT);
    return method.contains("nagle") && !method.contains("nodelay");
  }

  /** The buffering helper's table: held below each buffer's threshold, immediate at or above it. */
  private static void paddingTable(StringBuilder out) {
    out.append("3. padding threshold table matches each buffer size exactly (B03)\n");
    try {
      Method main = Class.forName(PADDING_TABLE).getMethod("main", String[].class);
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      PrintStream console = System.out;
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        main.invoke(null, (Object) new String[0]); // Its own defaults: a 50 ms cap for a held row.
      } finally {
        System.setOut(console);
      }
      printed.toString(StandardCharsets.UTF_8).lines().forEach(line -> out.append("   ").append(line).append('\n'));
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      out.append("   ").append(PADDING_TABLE).append(" is not in this build\n");
    } catch (IllegalAccessException | InvocationTargetException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      out.append("   ").append(PADDING_TABLE).append(" failed: ").append(cause).append('\n');
    }
  }

  /** B05: requests a second on one kept connection over a new connection per request, both clients. */
  private static void keepAliveRatio(List<BenchmarkResult> results, StringBuilder out) {
    out.append("4. keep-alive vs a new connection per request, requests/s ratio (B05)\n");
    List<BenchmarkResult> b05 = ofClass(results, "B05");
    boolean any = false;
    for (String[] pair : new String[][] {{"rawKeptAlive", "rawNewConnection", "raw socket"}, {"okHttpPooled", "okHttpNoPool", "OkHttp"}}) {
      Optional<BenchmarkResult> kept = b05.stream().filter(row -> row.method().equals(pair[0])).findFirst();
      Optional<BenchmarkResult> fresh = b05.stream().filter(row -> row.method().equals(pair[1])).findFirst();
      if (kept.isEmpty() || fresh.isEmpty()) continue;
      any = true;
      BenchmarkResult.Metric k = kept.get().primary();
      BenchmarkResult.Metric f = fresh.get().primary();
      out.append(String.format(Locale.ROOT, "   %-10s kept alive %s, new connection %s: %s%n", pair[2], k.format(),
          f.format(), SuiteFormat.ratio(k.score(), k.error(), f.score(), f.error())));
    }
    if (!any) out.append("   no B05 pair in this run\n");
  }

  private static List<BenchmarkResult> ofClass(List<BenchmarkResult> results, String prefix) {
    return results.stream().filter(row -> row.className().startsWith(prefix + "_")).toList();
  }

  private static boolean hasVariant(BenchmarkResult row, String variant) {
    return row.params().containsValue(variant) || row.method().equalsIgnoreCase(variant);
  }

  /** The parameters other than the variant: for B01 the message size. */
  private static String sizeOf(BenchmarkResult row) {
    StringBuilder label = new StringBuilder();
    row.params().forEach((name, value) -> {
      if (!value.equals("RAW_SOCKET") && !value.equals("CHUNKED") && !value.matches("[A-Z_]+")) {
        label.append(label.length() == 0 ? "" : " ").append(name).append('=').append(value);
      }
    });
    return label.toString();
  }
}
