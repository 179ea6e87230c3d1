package dev.wirelab.report;

import dev.wirelab.check.Diagnostic;
import dev.wirelab.client.Exchange;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.wire.Escaping;
import dev.wirelab.wire.WireEvent;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * wirelab's own machine-readable report. Field names are stable; byte excerpts are escaped the same
 * way as in the text report. Version the schema with {@code "schema"} when it changes.
 */
public final class JsonReportWriter implements ReportWriter {
  static final String SCHEMA = "wirelab-report/1";
  private static final int MAX_EVENTS = 200;
  private static final int TAIL_EVENTS = 20;

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void write(GradeReport report, Writer out) throws IOException {
    IndentedJson.write(toTree(report), out);
  }

  Map<String, Object> toTree(GradeReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("lab", report.lab());
    root.put("labTitle", report.labTitle());
    root.put("target", report.target());
    root.put("startedAt", report.startedAt().toString());
    root.put("durationMillis", report.durationMillis());
    root.put("seed", report.seed());
    root.put("pointsEarned", report.pointsEarned());
    root.put("pointsPossible", report.pointsPossible());
    root.put("fullMarks", report.fullMarks());
    root.put("hiddenChecksNotRun", report.hiddenChecks());
    root.put("hiddenPointsNotRun", report.hiddenPoints());
    root.put("startupError", report.startupError());
    root.put("serverLog", report.serverLog());
    List<Object> checks = new ArrayList<>();
    for (CheckResult result : report.results()) checks.add(check(result));
    root.put("checks", checks);
    return root;
  }

  private static Map<String, Object> check(CheckResult result) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("id", result.id());
    check.put("title", result.info().title());
    check.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
    check.put("points", result.pointsEarned());
    check.put("maxPoints", result.info().points());
    check.put("level", result.info().level().name());
    check.put("visibility", result.info().visibility().name().toLowerCase(java.util.Locale.ROOT));
    check.put("section", result.info().section());
    check.put("dependsOn", result.info().dependsOn());
    check.put("note", result.note());
    check.put("durationMillis", result.durationMillis());
    check.put("diagnostic", diagnostic(result.diagnostic()));
    List<Object> exchanges = new ArrayList<>();
    for (Exchange exchange : result.exchanges()) exchanges.add(exchange(exchange));
    check.put("exchanges", exchanges);
    return check;
  }

  private static Map<String, Object> diagnostic(Diagnostic diagnostic) {
    if (diagnostic == null) return null;
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("message", diagnostic.message());
    tree.put("expected", diagnostic.expected());
    tree.put("actual", diagnostic.actual());
    tree.put("section", diagnostic.section());
    tree.put("offset", diagnostic.offset() < 0 ? null : diagnostic.offset());
    tree.put("excerpt", diagnostic.excerpt() == null ? null : diagnostic.excerpt().text());
    tree.put("caretColumn", diagnostic.excerpt() == null ? null : diagnostic.excerpt().caretColumn());
    tree.put("exchange", diagnostic.exchange());
    tree.put("detail", diagnostic.detail());
    return tree;
  }

  private static Map<String, Object> exchange(Exchange exchange) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("label", exchange.label());
    tree.put("request", Escaping.escape(exchange.request()));
    tree.put("requestPieces", exchange.requestPieces());
    tree.put("ending", exchange.ending().name().toLowerCase(java.util.Locale.ROOT));
    tree.put("outcome", exchange.outcome());
    tree.put("reproduce", exchange.reproduceCommand());
    List<Object> events = new ArrayList<>();
    int omitted = 0;
    if (exchange.transcript() != null) {
      List<WireEvent> all = exchange.transcript().events();
      for (int i = 0; i < all.size(); i++) {
        if (i == MAX_EVENTS - TAIL_EVENTS && all.size() > MAX_EVENTS) {
          omitted = all.size() - MAX_EVENTS;
          i += omitted;
        }
        WireEvent event = all.get(i);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", event.kind().name().toLowerCase(java.util.Locale.ROOT));
        item.put("millis", Math.round(event.millis() * 1000) / 1000.0);
        item.put("offset", event.offset());
        item.put("bytes", event.byteCount());
        if (event.detail() != null) item.put("detail", event.detail());
        events.add(item);
      }
    }
    tree.put("events", events);
    tree.put("eventsOmitted", omitted);
    return tree;
  }
}
