package dev.wirelab.lab04.solution.variants;

import dev.wirelab.lab04.solution.ReferenceServer;
import java.nio.charset.StandardCharsets;

/**
 * Correct, written differently: the prelude's padding is an HTML comment full of spaces, the same
 * length, rather than bare spaces after the head.
 */
public class PreludeAsHtmlComment extends ReferenceServer {
  private static final String OPEN = "<!DOCTYPE html>\n<!-- padding";
  private static final String CLOSE = "-->\n";

  @Override
  protected byte[] streamPrelude() {
    int size = super.streamPrelude().length;
    if (size < OPEN.length() + CLOSE.length()) return super.streamPrelude();
    return (OPEN + " ".repeat(size - OPEN.length() - CLOSE.length()) + CLOSE).getBytes(StandardCharsets.US_ASCII);
  }
}
