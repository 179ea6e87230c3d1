package dev.wirelab.grade;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to grade: whether hidden checks run, the per-connection byte cap (0: the lab's own), how long to wait for the server
 * to start and to close after a response, and where fixtures go ({@code workDir}; null for a temporary
 * folder the grader deletes afterwards), and the seed of randomised inputs.
 */
public record GradeOptions(
    boolean includeHidden,
    long byteCap,
    Duration startupTimeout,
    Duration closeGrace,
    Path workDir,
    Map<String, String> givenSettings,
    java.util.Set<String> onlyChecks,
    long seed) {

  /**
   * The seed of every randomised input when none is given. Fixed, so that the same server gets the same
   * score on every run; an instructor may choose another (say, one per term) with {@code --seed}.
   */
  public static final long DEFAULT_SEED = 9112;

  public GradeOptions {
    givenSettings = Map.copyOf(givenSettings);
    onlyChecks = java.util.Set.copyOf(onlyChecks);
  }

  public static GradeOptions defaults() {
    return new GradeOptions(false, 0, Duration.ofSeconds(30),
        Duration.ofSeconds(1), null, Map.of(), java.util.Set.of(), DEFAULT_SEED);
  }

  public GradeOptions withIncludeHidden(boolean include) {
    return new GradeOptions(include, byteCap, startupTimeout, closeGrace, workDir, givenSettings, onlyChecks, seed);
  }

  public GradeOptions withByteCap(long cap) {
    return new GradeOptions(includeHidden, cap, startupTimeout, closeGrace, workDir, givenSettings, onlyChecks, seed);
  }

  public GradeOptions withStartupTimeout(Duration timeout) {
    return new GradeOptions(includeHidden, byteCap, timeout, closeGrace, workDir, givenSettings, onlyChecks, seed);
  }

  public GradeOptions withWorkDir(Path dir) {
    return new GradeOptions(includeHidden, byteCap, startupTimeout, closeGrace, dir, givenSettings, onlyChecks, seed);
  }

  /**
   * Runs only these checks (and reports nothing else), e.g. one check while fixing it. A check whose
   * dependency is left out runs anyway: there is no result to skip it for.
   */
  public GradeOptions withOnlyChecks(java.util.Set<String> ids) {
    return new GradeOptions(includeHidden, byteCap, startupTimeout, closeGrace, workDir, givenSettings, ids, seed);
  }

  /** A setting the user fixed, e.g. the DOCROOT an already running server serves. */
  public GradeOptions withSetting(String name, String value) {
    Map<String, String> settings = new java.util.HashMap<>(givenSettings);
    settings.put(name, value);
    return new GradeOptions(includeHidden, byteCap, startupTimeout, closeGrace, workDir, settings, onlyChecks, seed);
  }

  /** The seed of the randomised inputs: the same seed gives the same inputs, so a failure can be replayed. */
  public GradeOptions withSeed(long newSeed) {
    return new GradeOptions(includeHidden, byteCap, startupTimeout, closeGrace, workDir, givenSettings, onlyChecks,
        newSeed);
  }
}
