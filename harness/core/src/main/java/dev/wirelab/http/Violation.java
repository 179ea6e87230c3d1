package dev.wirelab.http;

/**
 * A place where the bytes broke a protocol rule. {@code offset} is the position of the offending byte in
 * the received stream; a report shows the escaped bytes around it with a caret under it.
 */
public record Violation(Rule rule, String expected, String actual, long offset) {

  /** "expected X but was Y", as every diagnostic in wirelab reads. */
  public String message() {
    return "expected " + expected + " but was " + actual;
  }

  @Override
  public String toString() {
    return rule.id() + " at byte " + offset + ": " + message() + " (" + rule.section() + ")";
  }
}
