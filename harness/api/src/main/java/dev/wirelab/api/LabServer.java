package dev.wirelab.api;

import java.io.Closeable;
import java.io.IOException;

/**
 * A lab's server, as the harness starts it in its own JVM. The same class usually has a {@code main}
 * that calls {@link LabLauncher#run} so it can also be graded as a separate process.
 *
 * <p>Contract: {@link #start} returns only once the port accepts connections; {@link #close} stops
 * accepting, closes open connections and returns once the server's threads are done.
 */
public interface LabServer extends Closeable {

  /** Binds {@code config.port()} (0 means any free port) and starts serving in the background. */
  void start(LabConfig config) throws IOException;

  /** The port actually bound; valid after {@link #start}. */
  int port();

  @Override
  void close() throws IOException;
}
