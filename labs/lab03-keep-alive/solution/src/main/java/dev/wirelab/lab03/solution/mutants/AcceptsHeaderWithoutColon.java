package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.RequestReader;
import dev.wirelab.labs.common.RequestLine;

/** Classic bug: field lines are looked up, never checked: lines without a colon are skipped, Host is optional. */
public class AcceptsHeaderWithoutColon extends ReferenceServer {
  @Override
  protected RequestReader requestReader() {
    return new RequestReader() {
      @Override
      protected void checkFieldLines(String head, RequestLine line) {}
    };
  }
}
