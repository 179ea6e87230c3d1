package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import java.io.IOException;
import java.net.Socket;

/**
 * Classic bug: close() right after the last response. With request bytes still unread (a body the
 * server refused), the kernel answers with a reset, which can destroy the response on its way.
 */
public class BareClose extends ReferenceServer {
  @Override
  protected void closeAfterResponse(Socket socket) throws IOException {
    socket.close();
  }
}
