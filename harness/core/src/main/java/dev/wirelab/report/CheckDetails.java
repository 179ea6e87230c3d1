package dev.wirelab.report;

import dev.wirelab.check.Diagnostic;
import dev.wirelab.client.Exchange;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.wire.Escaping;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What the text report prints under a check's line: why it did not run, or the diagnostic with the
 * bytes around the fault, the connection's timeline and a command to reproduce it. Every format that
 * shows a diagnostic takes its words from here, so a student reads the same text everywhere.
 */
final class CheckDetails {
  private static final CheckDetails PLAIN = new CheckDetails(new Style(false));
  private final Style style;

  CheckDetails(Style style) {
    this.style = style;
  }

  /** The same lines without colour or indent, ending in a newline; empty for a check with nothing to say. */
  static String plainText(CheckResult result) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    PLAIN.write(result, out, "");
    out.flush();
    return text.toString();
  }

  void write(CheckResult result, PrintWriter out, String indent) {
    if (result.note() != null) {
      String prefix = result.status() == CheckStatus.NOT_RUN ? "not run: " : "";
      out.println(indent + style.dim(prefix + Escaping.printable(result.note())));
    }
    Diagnostic diagnostic = result.diagnostic();
    if (diagnostic == null) return;
    out.println(indent + Escaping.printable(diagnostic.message()));
    String where = diagnostic.offset() >= 0 ? " · at byte " + diagnostic.offset() : "";
    String exchange = diagnostic.exchange() == null ? "" : (where.isEmpty() ? " · in " : " of ") + diagnostic.exchange();
    out.println(indent + style.dim(diagnostic.section() + where + exchange));
    if (diagnostic.excerpt() != null) out.println(diagnostic.excerpt().withCaret(indent + "  "));
    result.exchanges().stream()
        .filter(candidate -> candidate.label().equals(diagnostic.exchange()))
        .reduce((first, second) -> second)
        .ifPresent(failed -> writeExchange(out, failed, indent));
    out.println(indent + style.dim("why: ") + "wirelab explain " + result.id());
  }

  private void writeExchange(PrintWriter out, Exchange exchange, String indent) {
    for (String line : Timeline.describe(exchange)) out.println(indent + style.dim("connection: ") + line);
    out.println(indent + style.dim("closed: ") + Timeline.closer(exchange));
    out.println(indent + style.dim("parser: ") + Escaping.printable(exchange.response().progress()));
    if (exchange.requestPieces() > 1) {
      out.println(indent + style.dim("request: ") + "sent in " + exchange.requestPieces() + " pieces");
    }
    out.println(indent + style.dim("reproduce: ") + exchange.reproduceCommand());
  }
}
