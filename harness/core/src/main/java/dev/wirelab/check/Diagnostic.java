package dev.wirelab.check;

import dev.wirelab.wire.Excerpt;

/**
 * Why a check failed, in the words a student needs: what was expected, what arrived, where, and which
 * rule says so. {@code offset} and {@code excerpt} are absent (-1, null) when the failure is not about a
 * byte, e.g. a server that never answered.
 *
 * @param exchange the label of the exchange the failure was seen in, or null
 */
public record Diagnostic(
    String expected, String actual, String section, long offset, Excerpt excerpt, String exchange, String detail) {

  public String message() {
    return "expected " + expected + " but was " + actual;
  }
}
