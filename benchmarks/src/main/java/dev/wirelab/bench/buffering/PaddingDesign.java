package dev.wirelab.bench.buffering;

/**
 * How an application pads a stream of messages: what its n-th flush hands to the layer below, and
 * whether it also flushes that layer.
 */
enum PaddingDesign {
  /** The seed: {@code echo $pad, ...; ob_flush(); flush();} with 4000 spaces before every message. */
  SEED_PAD_EVERY_MESSAGE(Payloads.SEED_PADDING_BYTES, true, false),
  /** Lab 04's prelude: 1024 spaces (the HTML prescan window) before the first message only. */
  PAD_ONCE_1024(1024, false, false),
  /** The seed's 4000 spaces, but once. */
  PAD_ONCE_4000(Payloads.SEED_PADDING_BYTES, false, false),
  /** Padding once, and the layer flushed after each message: the fix, whatever the layer. */
  PAD_ONCE_1024_LAYER_FLUSHED(1024, false, true);

  final int paddingBytes;
  final boolean padsEveryMessage;
  final boolean flushesLayer;

  PaddingDesign(int paddingBytes, boolean padsEveryMessage, boolean flushesLayer) {
    this.paddingBytes = paddingBytes;
    this.padsEveryMessage = padsEveryMessage;
    this.flushesLayer = flushesLayer;
  }

  /** The bytes of the application's flush that carries message {@code number} (from 1). */
  byte[] write(int number) {
    byte[] message = Payloads.message(number);
    boolean padded = number == 1 || padsEveryMessage;
    return padded ? Payloads.concat(Payloads.padding(paddingBytes), message) : message;
  }
}
