package dev.wirelab.testing;

import dev.wirelab.api.ConnectionServer;
import dev.wirelab.api.LabConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Servers that misbehave on purpose, to prove the harness never hangs, crashes or runs out of memory. */
public final class HostileServers {
  private HostileServers() {}

  /** Accepts, reads the request, and never answers. */
  public static final class Silent extends ConnectionServer {
    @Override
    protected void handle(Socket socket) throws IOException {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[1024];
      while (in.read(buffer) != -1) {
        // Swallow everything; answer nothing, until the harness gives up and closes.
      }
    }
  }

  /** Answers with a status line and then streams body bytes forever, as fast as it can. */
  public static final class Endless extends ConnectionServer {
    @Override
    protected void handle(Socket socket) throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] block = new byte[64 * 1024];
      java.util.Arrays.fill(block, (byte) 'x');
      while (true) out.write(block);
    }
  }

  /** Fails in start(), as a student's server with a bug in its constructor logic would. */
  public static final class FailsToStart extends ConnectionServer {
    @Override
    public void start(LabConfig config) throws IOException {
      throw new IOException("refusing to start");
    }

    @Override
    protected void handle(Socket socket) {}
  }
}
