package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ChunkedOutputStream;
import dev.wirelab.lab03.solution.ReferenceServer;
import java.io.IOException;
import java.io.OutputStream;

/** Classic bug: /stream never writes the last-chunk 0\r\n\r\n; Lab 02's close used to hide it. */
public class StreamWithoutLastChunk extends ReferenceServer {
  @Override
  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(wire) {
      @Override
      public void finish() throws IOException {
        flush();
      }
    };
  }
}
