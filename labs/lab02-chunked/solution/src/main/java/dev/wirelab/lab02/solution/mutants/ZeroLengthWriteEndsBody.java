package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ChunkedOutputStream;
import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.IOException;
import java.io.OutputStream;

/** Classic bug: a zero-length write becomes a chunk of size 0, "0\r\n\r\n", which is the last-chunk. */
public class ZeroLengthWriteEndsBody extends ReferenceServer {
  @Override
  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(wire) {
      @Override
      public void write(byte[] data, int offset, int byteCount) throws IOException {
        writeChunk(data, offset, byteCount); // No check for byteCount == 0.
      }
    };
  }
}
