package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ChunkedOutputStream;
import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.OutputStream;

/** Classic bug: chunk sizes in decimal (Integer.toString), so "10" announces 16 bytes, not 10. */
public class DecimalChunkSize extends ReferenceServer {
  @Override
  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(wire) {
      @Override
      protected String formatChunkSize(int chunkSize) {
        return Integer.toString(chunkSize);
      }
    };
  }
}
