package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;

/** Classic bug: lines end with "\n" only, as println or a Unix text file would write them. */
public class BareLf extends ReferenceServer {
  @Override
  protected String lineEnding() {
    return "\n";
  }
}
