package dev.wirelab.lab02.solution.variants;

import dev.wirelab.lab02.solution.ChunkedOutputStream;
import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.OutputStream;

/**
 * Correct, written differently: uppercase hex sizes with a chunk extension ({@code 1F40;part=1}), both
 * allowed by RFC 9112 §7.1 and §7.1.1. The kit proves that the checks give it full marks.
 */
public class UppercaseHexWithExtensions extends ReferenceServer {
  @Override
  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(wire) {
      private int part;

      @Override
      protected String formatChunkSize(int chunkSize) {
        return Integer.toHexString(chunkSize).toUpperCase(java.util.Locale.ROOT) + " ;part=" + ++part;
      }

      @Override
      protected String lastChunk() {
        return "000;done\r\n"; // last-chunk = 1*("0") [ chunk-ext ] CRLF
      }
    };
  }
}
