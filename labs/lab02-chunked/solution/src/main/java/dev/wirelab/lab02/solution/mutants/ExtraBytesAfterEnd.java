package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ChunkedOutputStream;
import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.OutputStream;

/** Classic bug: a stray CRLF after the final CRLF "to end the message", bytes that belong to no message. */
public class ExtraBytesAfterEnd extends ReferenceServer {
  @Override
  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(wire) {
      @Override
      protected String finalCrlf() {
        return "\r\n" + "\r\n"; // The final CRLF, and one more.
      }
    };
  }
}
