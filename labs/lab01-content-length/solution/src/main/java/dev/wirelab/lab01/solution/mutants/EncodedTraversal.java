package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.labs.common.PercentDecoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Classic bug: ".." rejected before percent-decoding, so %2e%2e and %2f get through; absolute names too. */
public class EncodedTraversal extends ReferenceServer {
  @Override
  protected Optional<Path> resolveFile(String encodedName) {
    if (encodedName.contains("..")) return Optional.empty();
    Path file = config.docroot().resolve(PercentDecoding.decode(encodedName));
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }
}
