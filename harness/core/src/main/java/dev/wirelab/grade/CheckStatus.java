package dev.wirelab.grade;

/** The outcome of one check. */
public enum CheckStatus {
  PASSED,
  FAILED,
  /** A SHOULD check that did not hold: reported, worth no points either way. */
  WARNING,
  /** Not run because a check it depends on did not pass, the server never started, or time ran out. */
  NOT_RUN,
  /** The check itself broke, or overran its deadline. Counts as failed. */
  ERROR;

  public boolean isFailure() {
    return this == FAILED || this == ERROR;
  }
}
