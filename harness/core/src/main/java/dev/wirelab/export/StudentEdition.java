package dev.wirelab.export;

import java.io.IOException;
import java.nio.file.Path;

/** PLACEHOLDER (helper H3 replaces this file): the student edition of the repository. */
public final class StudentEdition {
  private final Path repository;
  private final Path graderJar;

  public StudentEdition(Path repository, Path graderJar) {
    this.repository = repository;
    this.graderJar = graderJar;
  }

  public void write(Path dir) throws IOException {
    throw new UnsupportedOperationException("not written yet: " + repository + " " + graderJar + " " + dir);
  }
}
