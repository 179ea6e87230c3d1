package dev.wirelab.export.gradescope;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results.json of a submission that could not be graded (it did not compile, or the grader did not
 * finish): score 0 and a message the student sees, in Gradescope's format
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/). run_autograder calls it with the
 * grader jar on the class path:
 * {@code java -cp wirelab-grader.jar dev.wirelab.export.gradescope.ZeroScore RESULTS_JSON MESSAGE [DETAILS_FILE]}.
 */
public final class ZeroScore {
  /** Gradescope shows the output whole; a build log that long says nothing more past this. */
  static final int MAX_DETAIL_CHARS = 20_000;

  private ZeroScore() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      throw new IllegalArgumentException("expected RESULTS_JSON MESSAGE [DETAILS_FILE] but was " + List.of(args));
    }
    String details = args.length == 3 && !args[2].isEmpty() ? readDetails(Path.of(args[2])) : "";
    write(Path.of(args[0]), args[1], details);
  }

  static void write(Path resultsJson, String message, String details) throws IOException {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("score", 0.0);
    results.put("output", details.isBlank() ? message : message + "\n\n" + details);
    results.put("output_format", "text");
    results.put("tests", List.of());
    if (resultsJson.toAbsolutePath().getParent() != null) Files.createDirectories(resultsJson.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(resultsJson.toFile(), results);
  }

  private static String readDetails(Path file) throws IOException {
    if (!Files.isRegularFile(file)) return "";
    // A compiler message in another charset still reads, with a few replacement characters.
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
    if (text.length() <= MAX_DETAIL_CHARS) return text;
    return text.substring(0, MAX_DETAIL_CHARS) + "\n… (" + (text.length() - MAX_DETAIL_CHARS) + " more characters)";
  }
}
