package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Field;
import dev.wirelab.lab03.solution.ReferenceServer;
import java.util.List;

/** Classic bug: every response says Connection: close (Lab 02's habit) while the server keeps reading. */
public class SaysCloseKeepsOpen extends ReferenceServer {
  @Override
  protected List<Field> connectionFields(boolean persistent, int requestCount) {
    return List.of(new Field("Connection", "close"));
  }
}
