package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.Message;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * The seed without its ob_flush(); flush(): messages are written but not flushed, so they wait in the
 * server's buffer until something else (here the next heartbeat) flushes it.
 */
public class NoFlush extends ReferenceServer {
  @Override
  protected void sendMessages(OutputStream body, List<Message> messages, Function<Message, byte[]> format)
      throws IOException {
    for (Message message : messages) body.write(format.apply(message));
  }
}
