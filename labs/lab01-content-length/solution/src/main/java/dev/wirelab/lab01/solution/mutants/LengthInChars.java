package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.Content;
import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.lab01.solution.Response;

/** Classic bug: Content-Length is text.length(), UTF-16 chars: 10 for "Hello, 世界\n", not 14 bytes. */
public class LengthInChars extends ReferenceServer {
  @Override
  protected long contentLength(Response response) {
    if (response.content() instanceof Content.Text text) return text.characters().length();
    return super.contentLength(response);
  }
}
