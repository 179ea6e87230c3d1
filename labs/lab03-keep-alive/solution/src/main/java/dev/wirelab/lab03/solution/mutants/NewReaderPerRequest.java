package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Connection;
import dev.wirelab.lab03.solution.ReferenceServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Classic bug: a new BufferedInputStream per request; the pipelined bytes in the old buffer are lost. */
public class NewReaderPerRequest extends ReferenceServer {
  @Override
  protected InputStream streamForNextRequest(Connection connection) throws IOException {
    return new BufferedInputStream(connection.socket().getInputStream());
  }
}
