package dev.wirelab.labs.lab01;

import dev.wirelab.check.Check;
import dev.wirelab.grade.HiddenCheckGroup;
import dev.wirelab.grade.HiddenTally;
import dev.wirelab.grade.Lab;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lab 01: a server whose every response is framed by Content-Length, so a client can find its end by
 * counting bytes. The contract is in {@code labs/lab01-content-length/README.md}.
 */
public final class ContentLengthLab implements Lab {
  /** Lab01HiddenChecks, counted here because a student edition has no such class to count. */
  static final HiddenTally HIDDEN = new HiddenTally(1, 4);

  private final List<Check> checks;

  public ContentLengthLab() {
    checks = Lab.inIdOrder(HelloChecks.all(), FileChecks.all(), MethodChecks.all(),
        HiddenCheckGroup.load(ContentLengthLab.class, "Lab01HiddenChecks"));
  }

  @Override
  public String name() {
    return "lab01-content-length";
  }

  @Override
  public String title() {
    return "Content-Length";
  }

  @Override
  public String summary() {
    return "GET /hello, GET /files/{name} from a document root, HEAD, 204, 405 and 400, each response"
        + " framed by a Content-Length that counts bytes, with Date and Connection: close.";
  }

  @Override
  public List<Check> checks() {
    return checks;
  }

  @Override
  public HiddenTally hiddenTally() {
    return HIDDEN;
  }

  /** The largest response is the 5 MiB file; anything past 16 MiB is a server that does not stop. */
  @Override
  public long byteCap() {
    return 16L * 1024 * 1024;
  }

  @Override
  public Map<String, String> prepare(Path workDir, Map<String, String> given) throws IOException {
    return prepare(workDir, given, dev.wirelab.grade.GradeOptions.DEFAULT_SEED);
  }

  @Override
  public Map<String, String> prepare(Path workDir, Map<String, String> given, long seed) throws IOException {
    Map<String, String> settings = new HashMap<>(given);
    Path docroot = given.containsKey("DOCROOT") ? Path.of(given.get("DOCROOT")) : workDir.resolve("docroot");
    docroot = docroot.toAbsolutePath().normalize();
    Lab01Fixtures.write(docroot, seed);
    settings.put("DOCROOT", docroot.toAbsolutePath().toString());
    return settings;
  }
}
