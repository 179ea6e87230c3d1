package dev.wirelab.lab02.solution;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * What follows a header section: either bytes known in full before the response starts, or content
 * produced while it is sent, whose length the server does not promise.
 */
public interface Body {

  /** The byte count when it is known before the first byte is sent; empty for produced content. */
  OptionalLong length();

  /**
   * Writes the content to {@code out}, which frames it; returns the trailer fields computed on the way
   * (RFC 9112 §7.1.2), which only a chunked body can carry.
   */
  List<Field> writeTo(OutputStream out) throws IOException;

  static Body of(byte[] bytes) {
    return new Fixed(bytes);
  }

  static Body produced(Producer producer) {
    return new Produced(producer);
  }

  /** Writes content as it is made, flushing wherever the client should see it at once. */
  @FunctionalInterface
  interface Producer {
    List<Field> writeTo(OutputStream out) throws IOException;
  }

  record Fixed(byte[] bytes) implements Body {
    @Override
    public OptionalLong length() {
      return OptionalLong.of(bytes.length);
    }

    @Override
    public List<Field> writeTo(OutputStream out) throws IOException {
      out.write(bytes);
      return List.of();
    }
  }

  record Produced(Producer producer) implements Body {
    @Override
    public OptionalLong length() {
      return OptionalLong.empty();
    }

    @Override
    public List<Field> writeTo(OutputStream out) throws IOException {
      return producer.writeTo(out);
    }
  }
}
