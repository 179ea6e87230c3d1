package dev.wirelab.target;

import java.time.Duration;
import java.util.Map;

/** Where the server under test comes from: a class in this JVM, a command, or an address. */
public interface Target {
  /** For reports: "in process: dev.wirelab...", "command: python3 server.py 8080", ... */
  String describe();

  /**
   * Starts the server with the lab's settings (names without the {@code WIRELAB_} prefix) and returns
   * once it accepts connections, or throws within {@code startupTimeout}.
   */
  RunningTarget start(Map<String, String> settings, Duration startupTimeout) throws TargetException;
}
