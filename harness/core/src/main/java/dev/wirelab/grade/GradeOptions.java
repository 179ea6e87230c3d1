package dev.wirelab.grade;

import dev.wirelab.wire.RawConnection;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to grade: whether hidden checks run, the per-connection byte cap, how long to wait for the server
 * to start and to close after a response, and where fixtures go ({@code workDir}; null for a temporary
 * folder the grader deletes afterwards).
 */
public record GradeOptions(
    boolean includeHidden, long byteCap, Duration startupTimeout, Duration closeGrace, Path workDir) {

  public static GradeOptions defaults() {
    return new GradeOptions(false, RawConnection.DEFAULT_BYTE_CAP, Duration.ofSeconds(30),
        Duration.ofSeconds(1), null);
  }

  public GradeOptions withIncludeHidden(boolean include) {
    return new GradeOptions(include, byteCap, startupTimeout, closeGrace, workDir);
  }

  public GradeOptions withByteCap(long cap) {
    return new GradeOptions(includeHidden, cap, startupTimeout, closeGrace, workDir);
  }

  public GradeOptions withWorkDir(Path dir) {
    return new GradeOptions(includeHidden, byteCap, startupTimeout, closeGrace, dir);
  }
}
