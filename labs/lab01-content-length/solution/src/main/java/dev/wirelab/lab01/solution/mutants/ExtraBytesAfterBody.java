package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.Content;
import dev.wirelab.lab01.solution.ReferenceServer;
import java.io.IOException;
import java.io.OutputStream;

/** Classic bug: a CRLF after the body "to end the message", two bytes the Content-Length does not cover. */
public class ExtraBytesAfterBody extends ReferenceServer {
  @Override
  protected void writeBody(Content content, OutputStream out) throws IOException {
    super.writeBody(content, out);
    out.write(new byte[] {'\r', '\n'});
  }
}
