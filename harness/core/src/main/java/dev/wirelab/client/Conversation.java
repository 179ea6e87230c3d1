package dev.wirelab.client;

import dev.wirelab.http.HttpResponse;
import dev.wirelab.wire.Transcript;
import java.util.List;

/**
 * Several requests on one connection and what answered each: the responses in order, where each one
 * started in the received stream, and how the connection ended.
 *
 * @param outcome how the connection ended, as a noun phrase ("a close (FIN) from the server; ...")
 * @param unconsumedBytes received bytes that belong to no parsed response
 */
public record Conversation(List<Turn> turns, Transcript transcript, String outcome, long unconsumedBytes) {

  /** One request and the response read for it, starting at {@code startOffset} of the stream. */
  public record Turn(byte[] request, HttpResponse response, long startOffset) {}

  public Conversation {
    turns = List.copyOf(turns);
  }

  public boolean allValid() {
    return unconsumedBytes == 0 && turns.stream().allMatch(turn -> turn.response().isValid());
  }
}
