package dev.wirelab.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary folders that hold a lab's fixtures while a server serves them. */
public final class WorkDirectory {
  private WorkDirectory() {}

  /** Deletes {@code root} and everything in it, as well as it can: a leftover temp file fails nothing. */
  public static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // Best effort: grading is over, or the JVM is exiting.
    }
  }
}
