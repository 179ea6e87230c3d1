package dev.wirelab.check;

/**
 * One graded property of a server. {@link #run} talks to the server through the context and returns
 * normally when the property holds; it throws {@link CheckFailure} with a diagnostic when it does not.
 */
public interface Check {
  CheckInfo info();

  void run(CheckContext context) throws CheckFailure, java.io.IOException;

  /** A check from its description and a body, for suites that define checks as methods. */
  static Check of(CheckInfo info, Body body) {
    return new Check() {
      @Override
      public CheckInfo info() {
        return info;
      }

      @Override
      public void run(CheckContext context) throws CheckFailure, java.io.IOException {
        body.run(context);
      }

      @Override
      public String toString() {
        return info.id();
      }
    };
  }

  @FunctionalInterface
  interface Body {
    void run(CheckContext context) throws CheckFailure, java.io.IOException;
  }
}
