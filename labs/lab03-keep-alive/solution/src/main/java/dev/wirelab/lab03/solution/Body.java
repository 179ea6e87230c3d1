package dev.wirelab.lab03.solution;

import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;

/**
 * What follows a response's header section: either bytes known in full before the response starts, or
 * content produced while it is sent, whose length the server does not promise.
 */
public interface Body {

  /** The byte count when it is known before the first byte is sent; empty for produced content. */
  OptionalLong length();

  /** Writes the content to {@code out}, which frames it. */
  void writeTo(OutputStream out) throws IOException;

  static Body of(byte[] bytes) {
    return new Fixed(bytes);
  }

  static Body produced(Producer producer) {
    return new Produced(producer);
  }

  /** Writes content as it is made, flushing wherever the client should see it at once. */
  @FunctionalInterface
  interface Producer {
    void writeTo(OutputStream out) throws IOException;
  }

  record Fixed(byte[] bytes) implements Body {
    @Override
    public OptionalLong length() {
      return OptionalLong.of(bytes.length);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(bytes);
    }
  }

  record Produced(Producer producer) implements Body {
    @Override
    public OptionalLong length() {
      return OptionalLong.empty();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      producer.writeTo(out);
    }
  }
}
