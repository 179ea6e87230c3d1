package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;

/** Classic bug: no empty line after the last header field, so the body reads as more header lines. */
public class MissingBlankLine extends ReferenceServer {
  @Override
  protected String endOfHeaderSection() {
    return "";
  }
}
