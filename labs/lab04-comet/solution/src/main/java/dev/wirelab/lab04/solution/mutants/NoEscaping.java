package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.ReferenceServer;

/** The seed's {@code echo $row['content']}: a message with a script tag runs in every reader's page. */
public class NoEscaping extends ReferenceServer {
  @Override
  protected String escapeHtml(String text) {
    return text;
  }
}
