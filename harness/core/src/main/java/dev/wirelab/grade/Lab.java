package dev.wirelab.grade;

import dev.wirelab.check.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A graded lab: its name, its server contract in brief, its checks in run order, and its fixtures. */
public interface Lab {
  /** The folder name under {@code labs/}, e.g. {@code lab01-content-length}. */
  String name();

  String title();

  /** One paragraph: what the server must do. The lab's README has the whole contract. */
  String summary();

  /**
   * In run order: a check comes after every check it depends on. Hidden checks are among them when their
   * class is on the class path (see {@link HiddenCheckGroup}); a student edition has only the visible ones.
   */
  List<Check> checks();

  /**
   * How many hidden checks this lab has and their points, whether or not their code is here: a student
   * edition counts them from this. The full harness's tests hold it to the checks {@link #checks()} loads.
   */
  default HiddenTally hiddenTally() {
    return HiddenTally.NONE;
  }

  /**
   * Creates whatever the server needs (a document root, say) under {@code workDir} and returns the
   * settings to start it with, by name without the {@code WIRELAB_} prefix. {@code PORT} is added later.
   * {@code given} holds settings the user fixed (a {@code DOCROOT} their running server already serves):
   * fixtures go there instead.
   */
  default Map<String, String> prepare(Path workDir, Map<String, String> given) throws IOException {
    return Map.copyOf(given);
  }

  /**
   * As {@link #prepare(Path, Map)}, for a lab whose fixtures are randomised: {@code seed} chooses them, so
   * grading again with the same seed writes the same fixtures (and a failure can be replayed).
   */
  default Map<String, String> prepare(Path workDir, Map<String, String> given, long seed) throws IOException {
    return prepare(workDir, given);
  }

  /**
   * The most bytes read from one connection: a little above the largest response the contract allows,
   * so a server that streams forever is cut off early and memory stays small.
   */
  default long byteCap() {
    return dev.wirelab.wire.RawConnection.DEFAULT_BYTE_CAP;
  }

  /**
   * The checks of several groups in id order, which is the order they run and are reported in (the
   * grader runs hidden ones after all visible ones).
   */
  @SafeVarargs
  static List<Check> inIdOrder(List<Check>... groups) {
    List<Check> all = new java.util.ArrayList<>();
    for (List<Check> group : groups) all.addAll(group);
    all.sort(java.util.Comparator.comparing(check -> check.info().id()));
    return List.copyOf(all);
  }

  /** The most a whole grading run may take, whatever the server does. */
  default Duration budget() {
    return Duration.ofMinutes(2);
  }
}
