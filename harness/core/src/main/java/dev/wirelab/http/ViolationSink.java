package dev.wirelab.http;

/**
 * Where the parts of a {@link ResponseParser} report the rules the peer broke. Only the parser knows the
 * {@link ParseMode}, so a part asks it whether to go on and stops when the answer is no.
 */
@FunctionalInterface
interface ViolationSink {
  /**
   * Records {@code violation} and returns true if parsing goes on: in lenient mode when the rule lets a
   * recipient recover, never in strict mode.
   */
  boolean report(Violation violation, boolean recoverable);

  /** Records a violation that stops parsing in either mode. */
  default void fail(Violation violation) {
    report(violation, false);
  }
}
