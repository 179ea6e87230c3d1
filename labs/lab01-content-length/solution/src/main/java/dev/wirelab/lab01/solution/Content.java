package dev.wirelab.lab01.solution;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What follows the header section, and its size in bytes: the number Content-Length announces
 * (RFC 9110 §8.6). {@link #writeTo} must write exactly {@link #length} bytes, or the client's
 * framing breaks.
 */
public interface Content {
  Content EMPTY = new Bytes(new byte[0]);

  long length();

  void writeTo(OutputStream out) throws IOException;

  static Content text(String characters) {
    return new Text(characters, characters.getBytes(StandardCharsets.UTF_8));
  }

  static Content bytes(byte[] bytes) {
    return new Bytes(bytes);
  }

  /** A file, measured now and copied as it is sent, so a large file never sits in memory. */
  static Content file(Path file) throws IOException {
    return new FileContent(file, Files.size(file));
  }

  /** Text encoded as UTF-8; the characters are kept because their count is not the length. */
  record Text(String characters, byte[] utf8) implements Content {
    @Override
    public long length() {
      return utf8.length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(utf8);
    }
  }

  record Bytes(byte[] bytes) implements Content {
    @Override
    public long length() {
      return bytes.length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(bytes);
    }
  }

  record FileContent(Path file, long length) implements Content {
    @Override
    public void writeTo(OutputStream out) throws IOException {
      // Copy exactly the announced length: one read() returns whatever is ready, not the whole file,
      // and a file that grew since it was measured must not spill past the body.
      byte[] buffer = new byte[64 * 1024];
      long bytesRemaining = length;
      try (InputStream in = Files.newInputStream(file)) {
        while (bytesRemaining > 0) {
          int byteCount = in.read(buffer, 0, (int) Math.min(buffer.length, bytesRemaining));
          if (byteCount == -1) {
            throw new EOFException("expected " + bytesRemaining + " more bytes of " + file + " but was end of file");
          }
          out.write(buffer, 0, byteCount);
          bytesRemaining -= byteCount;
        }
      }
    }
  }
}
