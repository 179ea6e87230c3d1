package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Connection;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Request;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Classic bug: an idle timer started when a request arrives closes the socket in the middle of a slow response. */
public class IdleTimeoutCutsSlowResponse extends ReferenceServer {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "idle-timer");
    thread.setDaemon(true);
    return thread;
  });

  @Override
  protected boolean answer(Connection connection, Request request) throws IOException {
    Socket socket = connection.socket();
    ScheduledFuture<?> idle = TIMER.schedule(() -> closeQuietly(socket), idleTimeoutMillis(), TimeUnit.MILLISECONDS);
    try {
      return super.answer(connection, request);
    } finally {
      idle.cancel(false);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closed already.
    }
  }
}
