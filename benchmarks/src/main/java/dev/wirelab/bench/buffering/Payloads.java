package dev.wirelab.bench.buffering;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The bytes the application writes: spaces as padding, as the seed did, and 30-byte messages. */
final class Payloads {
  /** Every message is this long, so wire bytes per useful byte compare like with like. */
  static final int MESSAGE_BYTES = 30;
  /** The seed's padding: {@code str_repeat(' ', 4000)} before every message. */
  static final int SEED_PADDING_BYTES = 4000;

  private Payloads() {}

  static byte[] padding(int byteCount) {
    if (byteCount < 0) throw new IllegalArgumentException("byteCount < 0: " + byteCount);
    byte[] spaces = new byte[byteCount];
    Arrays.fill(spaces, (byte) ' ');
    return spaces;
  }

  /** {@code <p>pushed message 001/100</p>\n}: 30 bytes for any number from 1 to 999. */
  static byte[] message(int number) {
    if (number < 1 || number > 999) throw new IllegalArgumentException("number not in [1, 999]: " + number);
    byte[] line = String.format("<p>pushed message %03d/100</p>\n", number).getBytes(StandardCharsets.US_ASCII);
    if (line.length != MESSAGE_BYTES) throw new AssertionError("expected 30 bytes but was " + line.length);
    return line;
  }

  /** {@code first} then {@code second}, as one array: what one flush of the application hands down. */
  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
