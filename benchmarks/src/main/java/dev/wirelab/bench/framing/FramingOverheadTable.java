package dev.wirelab.bench.framing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Bytes on the wire per payload byte for a 1 MiB body, Content-Length against chunked, for every
 * power-of-two piece size from 16 B to 64 KiB; and the write calls each makes on a bare socket and
 * behind an 8 KiB buffer (each write reaching a socket is one {@code send}). The byte counts are
 * computed from the layout ({@link Framing#wireBytes}) and checked against what the writers actually
 * emit into a {@link CountingSink}; a disagreement fails the run.
 *
 * <p>Run: {@code java -cp ... dev.wirelab.bench.framing.FramingOverheadTable}; well under a second.
 */
public final class FramingOverheadTable {
  private FramingOverheadTable() {}

  public static void main(String[] args) throws IOException {
    byte[] body = new byte[B04_FramingOverhead.BODY_BYTES];
    System.out.printf(Locale.ROOT, "# Framing a %d-byte body: bytes on the wire (field line + framed body) per payload byte%n%n", body.length);
    System.out.println("| piece / chunk size | Content-Length: wire bytes | per payload byte | chunked: wire bytes | per payload byte | chunked overhead | writes, bare socket: CL / chunked | writes behind 8 KiB buffer: CL / chunked |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int chunkBytes = 16; chunkBytes <= 64 * 1024; chunkBytes *= 2) {
      CountingSink contentLength = emit(Framing.CONTENT_LENGTH, body, chunkBytes);
      CountingSink chunked = emit(Framing.CHUNKED, body, chunkBytes);
      CountingSink contentLengthBuffered = emitBuffered(Framing.CONTENT_LENGTH, body, chunkBytes);
      CountingSink chunkedBuffered = emitBuffered(Framing.CHUNKED, body, chunkBytes);
      System.out.printf(Locale.ROOT, "| %d | %d | %.6f | %d | %.6f | %.4f%% | %d / %d | %d / %d |%n",
          chunkBytes, contentLength.byteCount, (double) contentLength.byteCount / body.length,
          chunked.byteCount, (double) chunked.byteCount / body.length,
          100.0 * (chunked.byteCount - contentLength.byteCount) / body.length,
          contentLength.writeCount, chunked.writeCount,
          contentLengthBuffered.writeCount, chunkedBuffered.writeCount);
    }
    System.out.println();
    System.out.println("chunked overhead = (chunked wire bytes - Content-Length wire bytes) / payload bytes: "
        + "hex digits + CRLF + CRLF per chunk, plus 3 bytes more field line and the 5-byte last-chunk");
  }

  private static CountingSink emit(Framing framing, byte[] body, int chunkBytes) throws IOException {
    CountingSink sink = new CountingSink();
    framing.writeBody(sink, body, chunkBytes);
    long expected = framing.wireBytes(body.length, chunkBytes);
    if (sink.byteCount != expected) {
      throw new IllegalStateException(framing + " at " + chunkBytes + ": expected " + expected + " bytes but the writer emitted " + sink.byteCount);
    }
    return sink;
  }

  private static CountingSink emitBuffered(Framing framing, byte[] body, int chunkBytes) throws IOException {
    CountingSink sink = new CountingSink();
    BufferedOutputStream buffered = new BufferedOutputStream(sink, 8192);
    framing.writeBody(buffered, body, chunkBytes);
    buffered.flush();
    return sink;
  }
}
