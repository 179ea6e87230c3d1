package dev.wirelab.http;

/** One field line as it arrived: name and value (without surrounding whitespace), and where it began. */
public record HeaderField(String name, String value, long offset) {
  public boolean hasName(String other) {
    return name.equalsIgnoreCase(other);
  }

  @Override
  public String toString() {
    return name + ": " + value;
  }
}
