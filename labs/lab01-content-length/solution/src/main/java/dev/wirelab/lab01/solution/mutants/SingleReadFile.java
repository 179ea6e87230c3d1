package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.Content;
import dev.wirelab.lab01.solution.ReferenceServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Classic bug: announces the file's full size but sends what one read() of a 64 KiB buffer returned. */
public class SingleReadFile extends ReferenceServer {
  @Override
  protected Content readFile(Path file) throws IOException {
    long size = Files.size(file);
    return new Content() {
      @Override
      public long length() {
        return size;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
          int byteCount = in.read(buffer);
          if (byteCount > 0) out.write(buffer, 0, byteCount);
        }
      }
    };
  }
}
