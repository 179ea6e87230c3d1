package dev.wirelab.bench.buffering;

import java.io.BufferedOutputStream;
import java.io.OutputStream;

/**
 * A layer between the application and the socket that holds bytes until it is full, and that nobody
 * flushes: the application flushes its own buffer into it, and it passes bytes on only when it must.
 * Each is a {@link BufferedOutputStream} of the size the layer it stands for is known to use.
 *
 * <p>The rule it follows (JDK 17 {@code BufferedOutputStream.write(byte[], int, int)}), for a write of
 * {@code W} bytes into a buffer of {@code B} bytes that already holds {@code C}:
 *
 * <pre>
 *   W &gt;= B           flush the C held bytes, then pass the W bytes straight through: all on the wire
 *   W &gt;  B - C       flush the C held bytes, then keep the W bytes: the new bytes stay behind
 *   otherwise        keep the W bytes; C + W == B leaves the buffer exactly full, and still held
 * </pre>
 *
 * So the buffer never flushes because it became full, only before a write that does not fit; and a
 * single write reaches the wire at once exactly when it is at least {@code B} bytes long.
 */
public enum Layer {
  /** The floor: the application's flushes reach the socket directly. */
  NONE(0),
  /** PHP's {@code output_buffering = 4096}, the value in the {@code php.ini} files PHP ships. */
  PHP_4096(4096),
  /** {@code new BufferedOutputStream(out)}'s default; also nginx's {@code proxy_buffer_size} on 8 KiB-page systems. */
  JAVA_8192(8192),
  /** Jetty's default {@code outputBufferSize} of 32 KiB. */
  JETTY_32768(32768);

  private final int bufferBytes;

  Layer(int bufferBytes) {
    this.bufferBytes = bufferBytes;
  }

  public int bufferBytes() {
    return bufferBytes;
  }

  /** A fresh, empty layer in front of {@code below}; {@link #NONE} is {@code below} itself. */
  public OutputStream over(OutputStream below) {
    return bufferBytes == 0 ? below : new BufferedOutputStream(below, bufferBytes);
  }

  /** Whether one write of {@code writeBytes} into this layer, empty, reaches {@code below} at once. */
  public boolean passesAtOnce(int writeBytes) {
    return bufferBytes == 0 || writeBytes >= bufferBytes;
  }

  /**
   * How many of the bytes of two writes, {@code firstBytes} then {@code secondBytes}, into this layer,
   * empty, have reached {@code below} after the second: the rule in the class comment, applied twice.
   */
  public int passedAfterTwoWrites(int firstBytes, int secondBytes) {
    if (bufferBytes == 0) return firstBytes + secondBytes;
    int passed = 0;
    int held = 0;
    for (int writeBytes : new int[] {firstBytes, secondBytes}) {
      if (writeBytes == 0) continue;
      if (writeBytes >= bufferBytes) {
        passed += held + writeBytes;
        held = 0;
      } else if (writeBytes > bufferBytes - held) {
        passed += held;
        held = writeBytes;
      } else {
        held += writeBytes;
      }
    }
    return passed;
  }
}
