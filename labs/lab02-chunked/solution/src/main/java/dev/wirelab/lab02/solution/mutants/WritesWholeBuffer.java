package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.IOException;
import java.io.OutputStream;

/** Classic bug: the last, partly filled buffer is written whole, so the body grows past its size. */
public class WritesWholeBuffer extends ReferenceServer {
  @Override
  protected void writeDownloadChunk(OutputStream body, byte[] buffer, int byteCount) throws IOException {
    body.write(buffer, 0, buffer.length);
  }
}
