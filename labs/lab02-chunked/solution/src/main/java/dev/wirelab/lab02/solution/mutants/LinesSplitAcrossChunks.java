package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Classic bug: each line written as its text and then its "\n", two writes and so two chunks. */
public class LinesSplitAcrossChunks extends ReferenceServer {
  @Override
  protected void writeMessage(OutputStream body, String message) throws IOException {
    String text = message.substring(0, message.length() - 1);
    body.write(text.getBytes(StandardCharsets.UTF_8));
    body.write("\n".getBytes(StandardCharsets.UTF_8));
    body.flush();
  }
}
