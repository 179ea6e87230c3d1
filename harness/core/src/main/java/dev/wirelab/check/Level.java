package dev.wirelab.check;

/** How strongly the rule behind a check binds, and so what failing it costs. */
public enum Level {
  /** An RFC requirement (MUST, MUST NOT, or the grammar itself): failing it costs the check's points. */
  MUST,
  /**
   * Required by this lab's contract where the RFC says less (SHOULD, MAY, or nothing): failing it costs
   * the check's points, and {@code explain} says that the rule is the lab's, not the RFC's.
   */
  CONTRACT,
  /** An RFC recommendation: failing it is a warning and costs nothing. */
  SHOULD;

  /** How {@code explain} and {@code list} name the level. */
  public String describe() {
    return switch (this) {
      case MUST -> "MUST: an RFC requirement";
      case CONTRACT -> "required by this lab's contract; the RFC itself is softer";
      case SHOULD -> "SHOULD: a warning that costs no points";
    };
  }
}
