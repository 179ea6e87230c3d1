package dev.wirelab.report;

import dev.wirelab.check.Visibility;
import dev.wirelab.grade.GradeOptions;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.grade.Grader;
import dev.wirelab.grade.Implementations;
import dev.wirelab.grade.Lab;
import dev.wirelab.grade.LabCatalog;
import dev.wirelab.target.InProcessTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real grading runs to render, each graded once per test JVM: grading is the slow part, and every
 * format is rendered from the same few runs.
 */
final class GradedRuns {
  /** Who grades what: the kinds of run whose reports differ in ways the formats must show. */
  enum Run {
    /** The reference with hidden checks: full marks. */
    REFERENCE_INSTRUCTOR,
    /** The starter as a student grades it: failures, skipped checks, and a count of hidden checks. */
    STARTER_STUDENT,
    /** The starter as an instructor grades it, hidden checks included. */
    STARTER_INSTRUCTOR,
    /** A mutant whose bug only a hidden check catches, graded by an instructor: a failed hidden check. */
    HIDDEN_MUTANT_INSTRUCTOR
  }

  private static final Implementations IMPLEMENTATIONS = Implementations.load();
  private static final Map<String, GradeReport> REPORTS = new ConcurrentHashMap<>();

  private GradedRuns() {}

  static GradeReport of(String labName, Run run) {
    return REPORTS.computeIfAbsent(labName + " " + run, key -> grade(labName, run));
  }

  static Lab lab(String labName) {
    return LabCatalog.find(labName).orElseThrow();
  }

  static Set<String> hiddenCheckIds(String labName) {
    return lab(labName).checks().stream()
        .filter(check -> check.info().visibility() == Visibility.HIDDEN)
        .map(check -> check.info().id())
        .collect(Collectors.toSet());
  }

  private static GradeReport grade(String labName, Run run) {
    Lab lab = lab(labName);
    GradeOptions instructor = GradeOptions.defaults().withIncludeHidden(true);
    String className = switch (run) {
      case REFERENCE_INSTRUCTOR -> IMPLEMENTATIONS.className(lab.name(), "reference").orElseThrow();
      case STARTER_STUDENT, STARTER_INSTRUCTOR -> IMPLEMENTATIONS.className(lab.name(), "starter").orElseThrow();
      case HIDDEN_MUTANT_INSTRUCTOR -> IMPLEMENTATIONS.mutants(lab.name()).stream()
          .filter(mutant -> hiddenCheckIds(labName).contains(mutant.caughtBy()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("expected a mutant caught by a hidden check in " + labName))
          .className();
    };
    GradeOptions options = run == Run.STARTER_STUDENT ? GradeOptions.defaults() : instructor;
    try {
      return new Grader(options).grade(lab, new InProcessTarget(className));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
