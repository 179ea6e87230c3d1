package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Classic bug: digest() called twice (once to log it); the first resets it, so the second hashes nothing. */
public class WrongChecksum extends ReferenceServer {
  @Override
  protected String checksum(MessageDigest sha256) {
    sha256.digest();
    return HexFormat.of().formatHex(sha256.digest());
  }
}
