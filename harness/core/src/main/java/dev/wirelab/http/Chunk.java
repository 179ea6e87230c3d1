package dev.wirelab.http;

/**
 * One chunk of a chunked body as it arrived. {@code sizeLineOffset} is where its size line starts in the
 * received stream, {@code dataOffset} where its data starts. Times are nanoseconds since the request was
 * sent: when the size line's first byte arrived and when the chunk's last data byte arrived.
 * The last-chunk ({@code 0\r\n}) is recorded too, with size 0.
 */
public record Chunk(
    long sizeLineOffset,
    String sizeLine,
    long size,
    String extensions,
    long dataOffset,
    long firstByteNanos,
    long lastByteNanos) {

  public boolean isLast() {
    return size == 0;
  }

  public double arrivalMillis() {
    return firstByteNanos / 1_000_000.0;
  }
}
