package dev.wirelab.http;

import static dev.wirelab.http.Quoting.quote;

import dev.wirelab.http.LineReader.EarlyRejection;
import dev.wirelab.http.LineReader.Line;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a chunked body (RFC 9112 §7.1) and writes the chunk data, joined, to the body:
 * <pre>{@code
 * 5\r\n              chunk-size line, hex, optionally with ";name=value" extensions
 * hello\r\n          exactly 5 bytes of chunk-data, then CRLF
 * 0\r\n              the last-chunk
 * Checksum: abc\r\n  the trailer section, field lines...
 * \r\n               ...up to the empty line, the last byte of the body
 * }</pre>
 * Every chunk is recorded with its offsets and arrival times, up to {@value #MAX_CHUNK_RECORDS} of them;
 * later ones are decoded into the body but not recorded one by one. The last-chunk is always recorded.
 */
final class ChunkedBody implements BodyReader {
  static final int MAX_CHUNK_RECORDS = 10_000;

  /** What the reader is doing now, in wire order. */
  enum Step {
    READ_CHUNK_SIZE,
    READ_CHUNK_DATA,
    READ_CHUNK_DATA_CR,
    READ_CHUNK_DATA_LF,
    READ_TRAILER_LINE,
    DONE
  }

  private final ViolationSink violations;
  private final ByteArrayOutputStream body;
  private final SectionSizeLimit sizeLimit;
  private final LineReader lines;
  private final FieldSection trailers;
  private final List<Chunk> chunks = new ArrayList<>();
  private Step step = Step.READ_CHUNK_SIZE;
  private Chunk pendingChunk;
  private long bytesRemainingInChunk;
  private long lastDataNanos;

  /** {@code sizeLimit} counts the trailer section, which starts with a budget of its own. */
  ChunkedBody(ViolationSink violations, ByteArrayOutputStream body, SectionSizeLimit sizeLimit) {
    this.violations = violations;
    this.body = body;
    this.sizeLimit = sizeLimit;
    sizeLimit.restart();
    this.lines = new LineReader(violations);
    this.trailers = new FieldSection(FieldSection.Kind.TRAILER, violations);
  }

  @Override
  public int read(byte[] buffer, int from, int to, long streamOffset, long nanos) {
    int byteCount = step == Step.READ_CHUNK_DATA ? (int) Math.min(to - from, bytesRemainingInChunk) : 1;
    byte b = buffer[from];
    step = switch (step) {
      case READ_CHUNK_SIZE -> readSizeLine(lines.accept(b, streamOffset, nanos, ChunkSizeLine.NOT_HEX));
      case READ_CHUNK_DATA -> readData(buffer, from, byteCount, nanos);
      case READ_CHUNK_DATA_CR -> readCarriageReturn(b, streamOffset);
      case READ_CHUNK_DATA_LF -> readLineFeed(b, streamOffset);
      case READ_TRAILER_LINE -> sizeLimit.count(FieldSection.Kind.TRAILER, streamOffset)
          ? readTrailerLine(lines.accept(b, streamOffset, nanos, EarlyRejection.NEVER))
          : step;
      case DONE -> throw new IllegalStateException("chunked body already complete");
    };
    return byteCount;
  }

  @Override
  public boolean isComplete() {
    return step == Step.DONE;
  }

  @Override
  public String progress() {
    return switch (step) {
      case READ_CHUNK_SIZE, READ_CHUNK_DATA, READ_CHUNK_DATA_CR, READ_CHUNK_DATA_LF -> "headers complete, chunked, "
          + dataChunkCount() + " chunks (" + body.size() + " bytes) received, "
          + (step == Step.READ_CHUNK_SIZE ? "waiting for a chunk size line" : "inside a chunk");
      case READ_TRAILER_LINE -> "headers complete, chunked, last-chunk received, trailer section incomplete";
      case DONE -> "complete: " + describe();
    };
  }

  @Override
  public String describe() {
    return "chunked, " + dataChunkCount() + " chunks";
  }

  @Override
  public List<Chunk> chunks() {
    return chunks;
  }

  @Override
  public Headers trailers() {
    return trailers.headers();
  }

  private Step readSizeLine(Line line) {
    if (line == null) return Step.READ_CHUNK_SIZE;
    Chunk chunk = ChunkSizeLine.parse(line, violations);
    if (chunk == null) return Step.READ_CHUNK_SIZE;
    if (chunk.isLast()) {
      chunks.add(chunk); // the last-chunk is always kept
      return Step.READ_TRAILER_LINE;
    }
    pendingChunk = chunk;
    bytesRemainingInChunk = chunk.size();
    return Step.READ_CHUNK_DATA;
  }

  private Step readData(byte[] buffer, int from, int byteCount, long nanos) {
    body.write(buffer, from, byteCount);
    bytesRemainingInChunk -= byteCount;
    lastDataNanos = nanos;
    return bytesRemainingInChunk == 0 ? Step.READ_CHUNK_DATA_CR : Step.READ_CHUNK_DATA;
  }

  private Step readCarriageReturn(byte b, long offset) {
    if (b == '\r') return Step.READ_CHUNK_DATA_LF;
    boolean bareLf = b == '\n';
    String expected = "\"\\r\\n\" right after the " + pendingChunk.size() + " bytes of chunk data";
    if (!violations.report(new Violation(Rule.CHUNK_DATA_END, expected,
        bareLf ? "a bare \"\\n\"" : "more data: the chunk is longer than its size line says", offset), bareLf)) {
      return Step.READ_CHUNK_DATA_CR;
    }
    return finishChunk();
  }

  private Step readLineFeed(byte b, long offset) {
    if (b == '\n') return finishChunk();
    violations.fail(new Violation(Rule.CHUNK_DATA_END, "\"\\n\" after \"\\r\" ending the chunk data", quote(b),
        offset));
    return Step.READ_CHUNK_DATA_LF;
  }

  private Step finishChunk() {
    // Past the limit the chunk is decoded into the body as usual; only its record is dropped.
    if (chunks.size() < MAX_CHUNK_RECORDS) {
      chunks.add(new Chunk(pendingChunk.sizeLineOffset(), pendingChunk.sizeLine(), pendingChunk.size(),
          pendingChunk.extensions(), pendingChunk.dataOffset(), pendingChunk.firstByteNanos(), lastDataNanos));
    }
    pendingChunk = null;
    return Step.READ_CHUNK_SIZE;
  }

  private Step readTrailerLine(Line line) {
    if (line == null) return Step.READ_TRAILER_LINE;
    if (line.text().isEmpty()) return Step.DONE;
    trailers.add(line.text(), line.offset());
    return Step.READ_TRAILER_LINE;
  }

  private long dataChunkCount() {
    return chunks.stream().filter(chunk -> !chunk.isLast()).count();
  }
}
