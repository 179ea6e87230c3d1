package dev.wirelab.check;

/** How strongly the rule behind a check binds, in RFC 2119 terms. */
public enum Level {
  /** A requirement: failing it costs the check's points. */
  MUST,
  /** A recommendation: failing it is a warning and costs nothing. */
  SHOULD
}
