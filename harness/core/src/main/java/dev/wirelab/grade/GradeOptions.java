package dev.wirelab.grade;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to grade: whether hidden checks run, the per-connection byte cap (0: the lab's own), how long to wait for the server
 * to start and to close after a response, and where fixtures go ({@code workDir}; null for a temporary
 * folder the grader deletes afterwards).
 */
public record GradeOptions(
    boolean includeHidden,
    long byteCap,
    Duration startupTimeout,
    Duration closeGrace,
    Path workDir,
    Map<String, String> givenSettings,
    java.util.Set<String> onlyChecks) {

  public GradeOptions {
    givenSettings = Map.copyOf(givenSettings);
    onlyChecks = java.util.Set.copyOf(onlyChecks);
  }

  public static GradeOptions defaults() {
    return new GradeOptions(false, 0, Duration.ofSeconds(30),
        Duration.ofSeconds(1), null, Map.of(), java.util.Set.of());
  }

  public GradeOptions withIncludeHidden(boolean include) {
    return new GradeOptions(include, byteCap, startupTimeout, closeGrace, workDir, givenSettings, onlyChecks);
  }

  public GradeOptions withByteCap(long cap) {
    return new GradeOptions(includeHidden, cap, startupTimeout, closeGrace, workDir, givenSettings, onlyChecks);
  }

  public GradeOptions withStartupTimeout(Duration timeout) {
    return new GradeOptions(includeHidden, byteCap, timeout, closeGrace, workDir, givenSettings, onlyChecks);
  }

  public GradeOptions withWorkDir(Path dir) {
    return new GradeOptions(includeHidden, byteCap, startupTimeout, closeGrace, dir, givenSettings, onlyChecks);
  }

  /**
   * Runs only these checks (and reports nothing else), e.g. one check while fixing it. A check whose
   * dependency is left out runs anyway: there is no result to skip it for.
   */
  public GradeOptions withOnlyChecks(java.util.Set<String> ids) {
    return new GradeOptions(includeHidden, byteCap, startupTimeout, closeGrace, workDir, givenSettings, ids);
  }

  /** A setting the user fixed, e.g. the DOCROOT an already running server serves. */
  public GradeOptions withSetting(String name, String value) {
    Map<String, String> settings = new java.util.HashMap<>(givenSettings);
    settings.put(name, value);
    return new GradeOptions(includeHidden, byteCap, startupTimeout, closeGrace, workDir, settings, onlyChecks);
  }
}
