package dev.wirelab.labs.lab02;

import dev.wirelab.check.Check;
import dev.wirelab.grade.HiddenCheckGroup;
import dev.wirelab.grade.HiddenTally;
import dev.wirelab.grade.Lab;
import java.util.List;

/**
 * Lab 02: a body of unknown length streamed with {@code Transfer-Encoding: chunked}, each piece framed
 * right and sent when it is written. The contract is in {@code labs/lab02-chunked/README.md}.
 */
public final class ChunkedLab implements Lab {
  /** Lab02HiddenChecks, counted here because a student edition has no such class to count. */
  static final HiddenTally HIDDEN = new HiddenTally(2, 4);

  private final List<Check> checks;

  public ChunkedLab() {
    checks = Lab.inIdOrder(ChunkFramingChecks.all(),
        StreamingChecks.all(),
        TrailerChecks.all(),
        FallbackChecks.all(),
        HiddenCheckGroup.load(ChunkedLab.class, "Lab02HiddenChecks"));
  }

  @Override
  public String name() {
    return "lab02-chunked";
  }

  @Override
  public String title() {
    return "Chunked transfer coding";
  }

  @Override
  public String summary() {
    return "GET /stream flushes one chunk per line on time, GET /download streams exact bytes in chunks with"
        + " a SHA-256 trailer on request, GET /empty, and HTTP/1.0 clients get close-delimited bodies.";
  }

  @Override
  public List<Check> checks() {
    return checks;
  }

  @Override
  public HiddenTally hiddenTally() {
    return HIDDEN;
  }

  /** The largest response is a 100,000-byte download; anything past 4 MiB is a server that does not stop. */
  @Override
  public long byteCap() {
    return 4L * 1024 * 1024;
  }
}
