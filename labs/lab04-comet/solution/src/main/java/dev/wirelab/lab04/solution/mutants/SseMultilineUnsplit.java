package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.ReferenceServer;
import java.util.List;

/**
 * Classic bug: a content with newlines goes into one data: field as is. Its second line becomes a field
 * of its own, named after its text, which the client ignores: the message arrives cut after line one.
 */
public class SseMultilineUnsplit extends ReferenceServer {
  @Override
  protected List<String> sseDataLines(String content) {
    return List.of(content);
  }
}
