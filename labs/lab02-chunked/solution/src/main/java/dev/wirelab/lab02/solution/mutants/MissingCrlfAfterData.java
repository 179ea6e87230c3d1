package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ChunkedOutputStream;
import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.OutputStream;

/** Classic bug: no CRLF after the chunk data, so the next size line runs into it. */
public class MissingCrlfAfterData extends ReferenceServer {
  @Override
  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(wire) {
      @Override
      protected String afterChunkData() {
        return "";
      }
    };
  }
}
