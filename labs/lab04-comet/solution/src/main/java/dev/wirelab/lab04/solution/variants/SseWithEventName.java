package dev.wirelab.lab04.solution.variants;

import dev.wirelab.lab04.solution.Message;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.nio.charset.StandardCharsets;

/**
 * Correct, written differently: every event names its type, {@code event: message}, which is what an
 * EventSource assumes when the field is absent. The checks must parse fields, not compare bytes.
 */
public class SseWithEventName extends ReferenceServer {
  @Override
  protected byte[] sseEvent(Message message) {
    String event = new String(super.sseEvent(message), StandardCharsets.UTF_8);
    int afterId = event.indexOf('\n') + 1;
    return (event.substring(0, afterId) + "event: message\n" + event.substring(afterId))
        .getBytes(StandardCharsets.UTF_8);
  }
}
