package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.Message;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

/** Classic bug: writes every message of one wake-up and flushes once, so they share one chunk. */
public class MessagesBatched extends ReferenceServer {
  @Override
  protected void sendMessages(OutputStream body, List<Message> messages, Function<Message, byte[]> format)
      throws IOException {
    for (Message message : messages) body.write(format.apply(message));
    body.flush();
  }
}
