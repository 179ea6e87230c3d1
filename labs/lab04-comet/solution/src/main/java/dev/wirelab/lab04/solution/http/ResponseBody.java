package dev.wirelab.lab04.solution.http;

import java.io.IOException;
import java.io.OutputStream;

/** A response body written in one framing; {@link #finish} ends it as that framing says. */
abstract class ResponseBody extends OutputStream {
  /** Ends the body; true when the connection could carry another response after it. */
  abstract boolean finish() throws IOException;

  static ResponseBody of(ResponseFraming framing, long length, boolean headRequest, OutputStream wire) {
    if (headRequest) return new Discarded(); // RFC 9110 §9.3.2: the head GET would get, and no body.
    return switch (framing) {
      case NONE -> new Discarded();
      case CHUNKED -> new ChunkedResponseBody(wire);
      case FIXED_LENGTH -> new FixedLengthResponseBody(wire, Math.max(length, 0));
      case CLOSE_DELIMITED -> new UntilClose(wire);
    };
  }

  /** No body on the wire: what a handler writes anyway (a HEAD's would-be body) goes nowhere. */
  static final class Discarded extends ResponseBody {
    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] data, int offset, int byteCount) {}

    @Override
    boolean finish() {
      return true;
    }
  }

  /** Rule 8 of RFC 9112 §6.3: the bytes as they are; the close ends the body, so the connection goes. */
  static final class UntilClose extends ResponseBody {
    private final OutputStream wire;

    UntilClose(OutputStream wire) {
      this.wire = wire;
    }

    @Override
    public void write(int b) throws IOException {
      wire.write(b);
    }

    @Override
    public void write(byte[] data, int offset, int byteCount) throws IOException {
      wire.write(data, offset, byteCount);
    }

    @Override
    public void flush() throws IOException {
      wire.flush();
    }

    @Override
    boolean finish() throws IOException {
      wire.flush();
      return false;
    }
  }
}
