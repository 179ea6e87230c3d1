package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.Framing;
import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.IOException;
import java.io.OutputStream;

/** Classic bug: the chunked stream is closed for HEAD too, so "0\r\n\r\n" goes out as a body. */
public class HeadWithLastChunk extends ReferenceServer {
  @Override
  protected void omitBody(Framing framing, OutputStream wire) throws IOException {
    if (framing == Framing.CHUNKED) chunkedBody(wire).close();
  }
}
