package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Classic bug: docroot.resolve(name) with no checks, so /files/../secret.txt reads outside the docroot. */
public class PathTraversal extends ReferenceServer {
  @Override
  protected Optional<Path> resolveFile(String name) {
    Path file = config.docroot().resolve(name);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }
}
