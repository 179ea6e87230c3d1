package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.lab01.solution.Response;
import dev.wirelab.labs.common.RejectedRequest;

/** Classic bug: Content-Type set only on the hard-coded /hello page; files and their 404s go unlabelled. */
public class NoContentTypeOnFiles extends ReferenceServer {
  @Override
  protected Response files(String encodedName) throws RejectedRequest {
    return super.files(encodedName).withoutField("Content-Type");
  }
}
