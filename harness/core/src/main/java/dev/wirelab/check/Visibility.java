package dev.wirelab.check;

/** Whether students see a check when they grade themselves. */
public enum Visibility {
  VISIBLE,
  /** Run by instructors ({@code --include-hidden}); students see only how many there are. */
  HIDDEN
}
