package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ChunkedOutputStream;
import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.OutputStream;

/** Classic bug: the last-chunk "0\r\n" and then the close, without the final CRLF that ends the body. */
public class NoFinalCrlf extends ReferenceServer {
  @Override
  protected ChunkedOutputStream chunkedBody(OutputStream wire) {
    return new ChunkedOutputStream(wire) {
      @Override
      protected String finalCrlf() {
        return "";
      }
    };
  }
}
