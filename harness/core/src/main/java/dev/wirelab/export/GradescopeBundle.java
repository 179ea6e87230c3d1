package dev.wirelab.export;

import dev.wirelab.grade.Lab;
import java.io.IOException;
import java.nio.file.Path;

/** PLACEHOLDER (helper H4 replaces this file): a Gradescope autograder bundle for one lab. */
public final class GradescopeBundle {
  private final Path repository;
  private final Path graderJar;

  public GradescopeBundle(Path repository, Path graderJar) {
    this.repository = repository;
    this.graderJar = graderJar;
  }

  public void write(Path zip, Lab lab, long seed) throws IOException {
    throw new UnsupportedOperationException("not written yet: " + repository + " " + graderJar + " " + zip
        + " " + lab.name() + " " + seed);
  }
}
