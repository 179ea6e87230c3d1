package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.Message;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.util.List;

/** Classic bug: a long poll always waits for the next POST, even when messages after the cursor are waiting. */
public class PollWaitsWhenMessagesExist extends ReferenceServer {
  @Override
  protected boolean answersAtOnce(List<Message> waiting) {
    return false;
  }
}
