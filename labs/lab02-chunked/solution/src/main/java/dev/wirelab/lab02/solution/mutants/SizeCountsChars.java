package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ChunkedOutputStream;
import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Classic bug: each chunk handled as a String: chunk-size counts its chars, its UTF-8 bytes are sent. */
public class SizeCountsChars extends ReferenceServer {
  @Override
  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(wire) {
      @Override
      protected void writeChunk(byte[] data, int offset, int byteCount) throws IOException {
        // Bytes that are not UTF-8 (0x80 to 0xFF here) decode to U+FFFD: one char, three bytes.
        String text = new String(data, offset, byteCount, StandardCharsets.UTF_8);
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        super.writeChunk(encoded, 0, encoded.length);
      }

      @Override
      protected int chunkSize(byte[] data, int offset, int byteCount) {
        return new String(data, offset, byteCount, StandardCharsets.UTF_8).length();
      }
    };
  }
}
