package dev.wirelab.report;

/** ANSI colours for a terminal, or none at all: reports sent to files and CI logs stay plain. */
final class Style {
  private final boolean enabled;

  Style(boolean enabled) {
    this.enabled = enabled;
  }

  /** Colour only on an interactive terminal, and never when NO_COLOR is set (no-color.org). */
  static boolean terminalSupportsColor() {
    return System.console() != null && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
  }

  String green(String text) {
    return wrap("32", text);
  }

  String red(String text) {
    return wrap("31", text);
  }

  String yellow(String text) {
    return wrap("33", text);
  }

  String dim(String text) {
    return wrap("2", text);
  }

  String bold(String text) {
    return wrap("1", text);
  }

  private String wrap(String code, String text) {
    return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
