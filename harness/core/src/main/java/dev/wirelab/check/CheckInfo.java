package dev.wirelab.check;

import java.time.Duration;
import java.util.List;

/**
 * What a check is, apart from what it does: its id ({@code CL-05}), what it tests, its worth, the RFC
 * section it rests on, and the checks that must pass before it is worth running.
 */
public record CheckInfo(
    String id,
    String title,
    int points,
    Visibility visibility,
    Level level,
    String section,
    String explanation,
    List<String> dependsOn,
    Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public CheckInfo {
    if (points < 0) throw new IllegalArgumentException("points < 0: " + points);
    if (level == Level.SHOULD && points != 0) {
      throw new IllegalArgumentException("a SHOULD check costs no points: " + id);
    }
    dependsOn = List.copyOf(dependsOn);
  }

  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  public static final class Builder {
    private final String id;
    private final String title;
    private int points;
    private Visibility visibility = Visibility.VISIBLE;
    private Level level = Level.MUST;
    private String section = "";
    private String explanation = "";
    private List<String> dependsOn = List.of();
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    public Builder points(int points) {
      this.points = points;
      return this;
    }

    /** Required by the lab's contract where the RFC says less: costs points like a MUST. */
    public Builder contract() {
      this.level = Level.CONTRACT;
      return this;
    }

    /** A recommendation: reported as a warning, worth no points. */
    public Builder should() {
      this.level = Level.SHOULD;
      this.points = 0;
      return this;
    }

    public Builder hidden() {
      this.visibility = Visibility.HIDDEN;
      return this;
    }

    public Builder section(String section) {
      this.section = section;
      return this;
    }

    public Builder explanation(String explanation) {
      this.explanation = explanation;
      return this;
    }

    public Builder dependsOn(String... ids) {
      this.dependsOn = List.of(ids);
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public CheckInfo build() {
      return new CheckInfo(id, title, points, visibility, level, section, explanation, dependsOn, timeout);
    }
  }
}
