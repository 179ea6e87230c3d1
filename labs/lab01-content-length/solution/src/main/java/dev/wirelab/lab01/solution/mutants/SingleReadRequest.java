package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Classic bug: one read() taken as the whole request; a head sent in pieces is cut after the first. */
public class SingleReadRequest extends ReferenceServer {
  @Override
  protected Optional<String> readRequestHead(InputStream socketIn) throws IOException {
    byte[] buffer = new byte[MAX_HEAD_BYTES];
    int byteCount = socketIn.read(buffer);
    if (byteCount == -1) return Optional.empty();
    return Optional.of(new String(buffer, 0, byteCount, StandardCharsets.ISO_8859_1));
  }
}
