package dev.wirelab.check;

/** Thrown by a check whose property does not hold. Carries the diagnostic a report shows. */
public final class CheckFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Diagnostic diagnostic;

  public CheckFailure(Diagnostic diagnostic) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
