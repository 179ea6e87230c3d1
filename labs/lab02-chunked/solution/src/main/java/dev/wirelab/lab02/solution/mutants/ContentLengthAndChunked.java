package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;
import dev.wirelab.lab02.solution.Request;
import dev.wirelab.lab02.solution.Response;

/** Classic bug: the route sets Content-Length from the size it knows, and the body goes out chunked. */
public class ContentLengthAndChunked extends ReferenceServer {
  @Override
  protected Response download(Request request, long size) {
    return withContentLength(super.download(request, size), request, size);
  }

  @Override
  protected Response stream(Request request, int count, long intervalMillis) {
    // A plausible guess: count lines of "message N\n", 10 bytes each (true while N < 10).
    return withContentLength(super.stream(request, count, intervalMillis), request, 10L * count);
  }

  private Response withContentLength(Response response, Request request, long length) {
    // Only where the body is chunked: an HTTP/1.0 response is another check's business (CH-14).
    if (!usesChunked(request.line())) return response;
    return response.withField("Content-Length", Long.toString(length));
  }
}
