package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.RequestReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Classic bug: each read() is split into requests, and an incomplete tail (the next request's start) dropped. */
public class DiscardsPartialRequest extends ReferenceServer {
  @Override
  protected RequestReader requestReader() {
    return new RequestReader() {
      @Override
      protected Optional<String> readHead(InputStream in) throws IOException {
        byte[] buffer = new byte[MAX_HEAD_BYTES];
        while (true) {
          in.mark(MAX_HEAD_BYTES);
          int byteCount = in.read(buffer);
          if (byteCount == -1) return Optional.empty();
          String read = new String(buffer, 0, byteCount, StandardCharsets.ISO_8859_1);
          int end = read.indexOf("\r\n\r\n");
          if (end == -1) continue; // An incomplete request: dropped.
          in.reset(); // Complete requests after this one stay in the stream for the next call.
          in.skipNBytes(end + 4);
          return Optional.of(read.substring(0, end + 4));
        }
      }
    };
  }
}
