package dev.wirelab.lab01.solution.variants;

import dev.wirelab.labs.common.RejectedRequest;
import dev.wirelab.lab01.solution.ReferenceServer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Correct, written differently: a name that leaves the docroot gets 403 Forbidden instead of the
 * reference's 400, which the contract allows as well. The kit proves that the checks give it full marks.
 */
public class RefusesEscapesWith403 extends ReferenceServer {
  @Override
  protected Optional<Path> resolveFile(String encodedName) throws RejectedRequest {
    try {
      return super.resolveFile(encodedName);
    } catch (RejectedRequest rejected) {
      throw new RejectedRequest(403, "Forbidden", rejected.getMessage());
    }
  }
}
