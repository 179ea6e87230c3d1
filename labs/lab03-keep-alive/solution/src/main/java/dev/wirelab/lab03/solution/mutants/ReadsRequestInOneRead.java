package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.RequestReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Classic bug: what one read() returned is taken as the whole head, so a head sent in pieces is cut. */
public class ReadsRequestInOneRead extends ReferenceServer {
  @Override
  protected RequestReader requestReader() {
    return new RequestReader() {
      @Override
      protected Optional<String> readHead(InputStream in) throws IOException {
        in.mark(MAX_HEAD_BYTES);
        byte[] buffer = new byte[MAX_HEAD_BYTES];
        int byteCount = in.read(buffer);
        if (byteCount == -1) return Optional.empty();
        String read = new String(buffer, 0, byteCount, StandardCharsets.ISO_8859_1);
        int end = read.indexOf("\r\n\r\n");
        if (end == -1) return Optional.of(read);
        in.reset(); // Leave the body and any next request in the stream.
        in.skipNBytes(end + 4);
        return Optional.of(read.substring(0, end + 4));
      }
    };
  }
}
