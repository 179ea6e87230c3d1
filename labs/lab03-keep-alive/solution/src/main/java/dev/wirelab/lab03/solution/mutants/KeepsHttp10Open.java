package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.labs.common.RequestLine;

/** Classic bug: HTTP/1.0 treated as persistent by default, like 1.1; a 1.0 client waits for the close. */
public class KeepsHttp10Open extends ReferenceServer {
  @Override
  protected boolean persistentByDefault(RequestLine line) {
    return true;
  }
}
