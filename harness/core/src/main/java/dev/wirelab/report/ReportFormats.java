package dev.wirelab.report;

import java.util.List;
import java.util.Optional;

/** The report formats the CLI offers. A new format is one more writer here. */
public final class ReportFormats {
  private ReportFormats() {}

  /** True on an interactive terminal that wants colour (NO_COLOR unset, TERM not dumb). */
  public static boolean terminalSupportsColor() {
    return Style.terminalSupportsColor();
  }

  public static List<String> names() {
    return List.of("text", "json");
  }

  /** {@code color} applies to the text format only, and only where the output is a terminal. */
  public static Optional<ReportWriter> find(String name, boolean color) {
    return switch (name) {
      case "text" -> Optional.of(new TextReportWriter(color));
      case "json" -> Optional.of(new JsonReportWriter());
      default -> Optional.empty();
    };
  }
}
