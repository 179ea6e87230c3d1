package dev.wirelab.export.gradescope;

import dev.wirelab.grade.Lab;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bundle.env}: what setup.sh and run_autograder source before they do anything. Everything an
 * instructor may want to tune without exporting again (time limits, JVM sizes) is here, in one place.
 *
 * <pre>
 * BUNDLE_LAB="lab01-content-length"
 * BUNDLE_SEED="9112"
 * </pre>
 *
 * The names avoid the {@code WIRELAB_} prefix: the server reads its settings from variables with it.
 */
public final class BundleSettings {
  /** Created by setup.sh; the student's server runs as this user. */
  static final String STUDENT_USER = "wirelab-student";
  /** Taken from Maven Central when the image's own Maven is older than the build needs (3.8). */
  static final String MAVEN_FALLBACK_VERSION = "3.9.16";
  /** Compiling a small module on a quarter of a CPU takes well under a minute; this is for a stuck build. */
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
  /** Beyond the lab's own budget: the server's startup and the two JVMs' own start. */
  static final Duration GRADE_MARGIN = Duration.ofSeconds(90);

  // Gradescope gives a container 384 MB unless the instructor asks for more; Maven runs alone, then the
  // grader and the server run side by side.
  static final String MAVEN_OPTS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
  static final String GRADER_JAVA_OPTS = "-Xmx160m -XX:+UseSerialGC";
  static final String SERVER_JAVA_OPTS = "-Xmx128m -XX:+UseSerialGC";
  static final String HELPER_JAVA_OPTS = "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  private final Map<String, String> values = new LinkedHashMap<>();

  private BundleSettings() {}

  public static BundleSettings of(Lab lab, long seed, StarterModule starter, boolean servesDocroot) {
    BundleSettings settings = new BundleSettings();
    settings.put("LAB", lab.name());
    settings.put("SEED", Long.toString(seed));
    settings.put("STARTER_MODULE", starter.path());
    settings.put("STARTER_CLASS", starter.className());
    settings.put("SERVES_DOCROOT", Boolean.toString(servesDocroot));
    settings.put("STUDENT_USER", STUDENT_USER);
    // No tests (and no test sources) and no annotation processors: building runs no student code.
    settings.put("MAVEN_ARGS", "-Dmaven.test.skip=true -Dmaven.compiler.proc=none -pl " + starter.path()
        + " -am package dependency:copy-dependencies -DincludeScope=runtime");
    settings.put("MAVEN_FALLBACK_VERSION", MAVEN_FALLBACK_VERSION);
    settings.put("BUILD_TIMEOUT_SECONDS", Long.toString(BUILD_TIMEOUT.toSeconds()));
    settings.put("GRADE_TIMEOUT_SECONDS", Long.toString(lab.budget().plus(GRADE_MARGIN).toSeconds()));
    settings.put("MAVEN_OPTS", MAVEN_OPTS);
    settings.put("GRADER_JAVA_OPTS", GRADER_JAVA_OPTS);
    settings.put("SERVER_JAVA_OPTS", SERVER_JAVA_OPTS);
    settings.put("HELPER_JAVA_OPTS", HELPER_JAVA_OPTS);
    return settings;
  }

  private void put(String name, String value) {
    // Sourced by bash between double quotes: these characters would be interpreted, not kept.
    if (value.matches(".*[\"$`\\\\\\n].*")) {
      throw new IllegalArgumentException("expected a value bash keeps literally but was: " + value);
    }
    values.put("BUNDLE_" + name, value);
  }

  public String get(String name) {
    return values.get("BUNDLE_" + name);
  }

  /** The file's text: a comment, then one {@code NAME="value"} line each. */
  public String toEnvFile() {
    StringBuilder text = new StringBuilder();
    text.append("# Sourced by setup.sh and run_autograder. Time limits are in seconds; the JVM options fit\n")
        .append("# Gradescope's default 384 MB container: raise them with the container's memory.\n");
    values.forEach((name, value) -> text.append(name).append("=\"").append(value).append("\"\n"));
    return text.toString();
  }
}
