package dev.wirelab.lab04.solution;

/** The three ways a subscriber is served, as /stats names them. */
public enum Transport {
  /** {@code /stream}: the forever frame, one HTML chunk per message. */
  STREAM("stream"),
  /** {@code /poll}: a held request, answered once. */
  POLL("poll"),
  /** {@code /events}: server-sent events. */
  EVENTS("events");

  private final String statsName;

  Transport(String statsName) {
    this.statsName = statsName;
  }

  public String statsName() {
    return statsName;
  }
}
