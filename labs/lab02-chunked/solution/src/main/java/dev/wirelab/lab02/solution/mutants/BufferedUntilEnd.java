package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ChunkedOutputStream;
import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.BufferedOutputStream;
import java.io.OutputStream;

/** Classic bug: chunks pile up in a 64 KiB buffer that flush() never empties; /stream arrives at the end. */
public class BufferedUntilEnd extends ReferenceServer {
  @Override
  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(new BufferedOutputStream(wire, 64 * 1024)) {
      @Override
      public void flush() {
        // As OutputStream.flush() does when it is not overridden: nothing. Only finish() flushes.
      }
    };
  }
}
