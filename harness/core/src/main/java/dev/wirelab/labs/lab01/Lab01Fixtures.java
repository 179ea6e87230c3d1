package dev.wirelab.labs.lab01;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The document root the harness builds for Lab 01, and a secret beside it that a server must never
 * serve. Contents are fixed (a seeded generator), so every run grades the same bytes.
 */
final class Lab01Fixtures {
  static final String TEXT_FILE = "hello.txt";
  static final String BINARY_FILE = "all-bytes.bin";
  static final String EMPTY_FILE = "empty.txt";
  static final String LARGE_FILE = "large.bin";
  static final String SECRET_FILE = "wirelab-secret.txt";
  static final int LARGE_FILE_BYTES = 5 * 1024 * 1024;
  static final String SECRET = "wirelab secret: a server that shows this escaped its document root\n";

  private Lab01Fixtures() {}

  /**
   * Writes the files into {@code docroot} and the secret into its parent folder. The large file's bytes
   * come from {@code seed}, so a server cannot have them built in; the same seed writes the same bytes.
   */
  static void write(Path docroot, long seed) throws IOException {
    Files.createDirectories(docroot);
    Files.writeString(docroot.resolve(TEXT_FILE),
        "Grüße from wirelab!\nThis file is UTF-8 text: ü is two bytes, 世 is three.\n", StandardCharsets.UTF_8);
    Files.write(docroot.resolve(BINARY_FILE), allByteValues());
    Files.write(docroot.resolve(EMPTY_FILE), new byte[0]);
    Files.write(docroot.resolve(LARGE_FILE), largeFile(seed));
    Files.writeString(secretFile(docroot), SECRET, StandardCharsets.UTF_8);
  }

  /**
   * Where the secret lies: beside the docroot, in its parent folder, so that {@code ../} reaches it. The
   * path is normalized first, so {@code --docroot .} still puts the secret outside the root.
   */
  static Path secretFile(Path docroot) throws IOException {
    Path parent = docroot.toAbsolutePath().normalize().getParent();
    if (parent == null) throw new IOException("the docroot must not be the filesystem root: " + docroot);
    return parent.resolve(SECRET_FILE);
  }

  static byte[] allByteValues() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
    return bytes;
  }

  static byte[] largeFile(long seed) {
    byte[] bytes = new byte[LARGE_FILE_BYTES];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
