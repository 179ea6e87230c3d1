package dev.wirelab.http;

/**
 * Counts the bytes of a response's header section, status line included, and of its trailer section
 * against the harness's limit of {@value #MAX_SECTION_BYTES} bytes (RFC 9110 §5.4 lets a recipient set
 * one). Each section has the whole budget: {@link #restart()} starts a new count.
 */
final class SectionSizeLimit {
  static final int MAX_SECTION_BYTES = 64 * 1024;

  private final ViolationSink violations;
  private long bytesCounted;

  SectionSizeLimit(ViolationSink violations) {
    this.violations = violations;
  }

  /** Counts one byte of {@code section} at {@code offset}; returns false once that byte is one too many. */
  boolean count(FieldSection.Kind section, long offset) {
    if (++bytesCounted <= MAX_SECTION_BYTES) return true;
    violations.fail(new Violation(Rule.HEADER_TOO_LARGE, "a " + section.description() + " of at most "
        + MAX_SECTION_BYTES + " bytes", "a longer one, still going at byte " + offset, offset));
    return false;
  }

  /** A new section starts (the final head after a 1xx, or the trailer section): it gets the whole budget. */
  void restart() {
    bytesCounted = 0;
  }
}
