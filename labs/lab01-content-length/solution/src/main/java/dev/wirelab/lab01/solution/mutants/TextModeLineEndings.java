package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.Content;
import dev.wirelab.lab01.solution.ReferenceServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Classic bug: text files read line by line and sent with CRLF after each line, changing their bytes. */
public class TextModeLineEndings extends ReferenceServer {
  @Override
  protected Content readFile(Path file) throws IOException {
    // Only .txt files go through the "text" path; binary files are still copied as bytes.
    if (!file.getFileName().toString().endsWith(".txt")) return super.readFile(file);
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) text.append(line).append("\r\n");
    return Content.bytes(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
