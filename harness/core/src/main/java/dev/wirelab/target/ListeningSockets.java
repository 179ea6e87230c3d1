package dev.wirelab.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads Linux's {@code /proc/net/tcp} and {@code /proc/net/tcp6} to see whether a port is in the LISTEN
 * state, without touching the server. A line there looks like
 *
 * <pre>
 *   sl  local_address rem_address   st ...
 *    0: 0100007F:1F90 00000000:0000 0A ...
 * </pre>
 *
 * where {@code 1F90} is port 8080 in hex and state {@code 0A} is LISTEN.
 */
final class ListeningSockets {
  private static final String LISTEN = "0A";
  private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

  private ListeningSockets() {}

  /** True or false from the kernel's tables; null where there are no such tables to read. */
  static Boolean listening(int port) {
    String portHex = String.format(Locale.ROOT, ":%04X", port);
    boolean anyTable = false;
    for (Path table : TABLES) {
      if (!Files.isReadable(table)) continue;
      anyTable = true;
      try {
        for (String line : Files.readAllLines(table)) {
          String[] columns = line.trim().split("\\s+");
          if (columns.length > 3 && columns[1].endsWith(portHex) && columns[3].equals(LISTEN)) return true;
        }
      } catch (IOException e) {
        return null;
      }
    }
    return anyTable ? Boolean.FALSE : null;
  }
}
