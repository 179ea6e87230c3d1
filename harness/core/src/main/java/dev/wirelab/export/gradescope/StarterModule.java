package dev.wirelab.export.gradescope;

import dev.wirelab.grade.Lab;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A lab's starter module in the repository: its folder ({@code labs/lab01-content-length/starter}) and
 * the server class its {@code implementations.properties} names, which a submission runs unless its own
 * copy of that file names another.
 */
public record StarterModule(String path, String className) {
  static final String IMPLEMENTATIONS = "src/main/resources/META-INF/wirelab/implementations.properties";

  public static StarterModule of(Path repository, Lab lab) throws IOException {
    String path = "labs/" + lab.name() + "/starter";
    Path file = repository.resolve(path).resolve(IMPLEMENTATIONS);
    if (!Files.isRegularFile(file)) {
      throw new IOException("expected the starter of " + lab.name() + " to list its class in " + file
          + " but there is no such file");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    String key = lab.name() + ".starter";
    String className = properties.getProperty(key);
    if (className == null || className.isBlank()) {
      throw new IOException("expected " + key + " = CLASS in " + file + " but it is not there");
    }
    return new StarterModule(path, className.trim());
  }
}
