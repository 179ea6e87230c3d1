package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.Content;
import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.lab01.solution.Response;

/** Classic bug: Content-Length one more than the bytes sent, as if a terminator were counted. */
public class LengthOffByOne extends ReferenceServer {
  @Override
  protected long contentLength(Response response) {
    // Only on the 200 text page (/hello), so files and error pages keep passing their own checks.
    if (response.status() == 200 && response.content() instanceof Content.Text) {
      return super.contentLength(response) + 1;
    }
    return super.contentLength(response);
  }
}
