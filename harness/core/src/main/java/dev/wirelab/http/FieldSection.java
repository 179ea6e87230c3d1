package dev.wirelab.http;

import static dev.wirelab.http.Quoting.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * The field lines of one header or trailer section, in arrival order. Each line comes without its line
 * ending, and never the empty line that ends the section: {@code "Content-Type:  text/plain "} becomes
 * the field {@code Content-Type: text/plain}. A line it cannot read is reported and, when lenient,
 * skipped; an obs-fold line (leading whitespace) is joined to the field before it.
 */
final class FieldSection {

  /** Which section the lines belong to, for the rule and the words a violation uses. */
  enum Kind {
    HEADER("header section", Rule.FIELD_SYNTAX,
        "a field line \"name: value\" or the empty line that ends the header section"),
    TRAILER("trailer section", Rule.TRAILER_SECTION,
        "a trailer field line \"name: value\" or the final empty line");

    private final String description;
    private final Rule syntaxRule;
    private final String expectedLine;

    Kind(String description, Rule syntaxRule, String expectedLine) {
      this.description = description;
      this.syntaxRule = syntaxRule;
      this.expectedLine = expectedLine;
    }

    String description() {
      return description;
    }
  }

  private final Kind kind;
  private final ViolationSink violations;
  private final List<HeaderField> fields = new ArrayList<>();

  FieldSection(Kind kind, ViolationSink violations) {
    this.kind = kind;
    this.violations = violations;
  }

  /** Reads one non-empty field line that starts at {@code offset}. */
  void add(String text, long offset) {
    if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
      if (!violations.report(new Violation(Rule.OBSOLETE_LINE_FOLDING, "a field line starting with a field name",
          "a line starting with whitespace (obs-fold)", offset), true)) {
        return;
      }
      if (!fields.isEmpty()) {
        HeaderField previous = fields.remove(fields.size() - 1);
        fields.add(new HeaderField(previous.name(), previous.value() + " " + stripOws(text), previous.offset()));
      }
      return;
    }
    int colon = text.indexOf(':');
    if (colon <= 0) {
      violations.report(new Violation(kind.syntaxRule, kind.expectedLine, quote(text), offset), true);
      return; // lenient: skip the line
    }
    String name = text.substring(0, colon);
    if (name.endsWith(" ") || name.endsWith("\t")) {
      if (!violations.report(new Violation(Rule.FIELD_NAME_WHITESPACE, "\":\" right after the field name",
          "whitespace before the colon", offset + stripOws(name).length()), true)) {
        return;
      }
      name = stripOws(name);
    }
    if (!isToken(name)) {
      violations.report(new Violation(kind.syntaxRule, "a field name made of token characters", quote(name),
          offset), true);
      return;
    }
    String value = stripOws(text.substring(colon + 1));
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        violations.report(new Violation(kind.syntaxRule, "visible characters in the field value", quote(value),
            offset + text.indexOf(value) + i), true);
        return;
      }
    }
    fields.add(new HeaderField(name, value, offset));
  }

  int size() {
    return fields.size();
  }

  Headers headers() {
    return new Headers(fields);
  }

  /** Drops every field, for the final response after an interim one. */
  void clear() {
    fields.clear();
  }

  // OWS is SP and HTAB only (RFC 9110 §5.6.3); String.strip() would also drop \x0B, \x0C and \x1C-\x1F.
  private static String stripOws(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) start++;
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) end--;
    return text.substring(start, end);
  }

  private static boolean isToken(String text) {
    return text.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  }
}
