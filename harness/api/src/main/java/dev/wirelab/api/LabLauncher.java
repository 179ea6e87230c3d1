package dev.wirelab.api;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link LabServer} as a program: settings from {@code WIRELAB_*} variables, until the process is
 * stopped. This is how the harness grades a Java server with {@code --command}.
 */
public final class LabLauncher {
  private LabLauncher() {}

  public static void run(LabServer server) throws IOException, InterruptedException {
    LabConfig config = LabConfig.fromEnvironment();
    server.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (IOException ignored) {
        // The process is exiting; there is no one left to tell.
      }
    }));
    System.out.println(server.getClass().getSimpleName() + " listening on port " + server.port());
    new CountDownLatch(1).await();
  }
}
