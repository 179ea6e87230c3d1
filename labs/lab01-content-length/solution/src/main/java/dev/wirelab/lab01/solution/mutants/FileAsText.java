package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.Content;
import dev.wirelab.lab01.solution.ReferenceServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Classic bug: files decoded as UTF-8 text and encoded again; invalid bytes become U+FFFD. */
public class FileAsText extends ReferenceServer {
  @Override
  protected Content readFile(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return Content.bytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
