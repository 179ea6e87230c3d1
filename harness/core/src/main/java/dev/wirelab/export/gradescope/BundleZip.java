package dev.wirelab.export.gradescope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A zip whose entries carry unix modes, which java.util.zip cannot write: Gradescope runs
 * {@code run_autograder} straight from the unpacked bundle, so it must arrive executable. Entry times
 * are fixed, so exporting the same repository twice gives the same bytes.
 */
public final class BundleZip implements AutoCloseable {
  static final int FILE_MODE = 0100644;
  static final int EXECUTABLE_MODE = 0100755;
  /** 1 January 2000: zip times start in 1980, and any fixed time makes the output reproducible. */
  private static final long FIXED_TIME_MILLIS = 946_684_800_000L;

  private final ZipArchiveOutputStream out;
  private final Set<String> names = new HashSet<>();

  private BundleZip(ZipArchiveOutputStream out) {
    this.out = out;
  }

  public static BundleZip create(Path zip) throws IOException {
    return new BundleZip(new ZipArchiveOutputStream(zip));
  }

  public void file(String name, byte[] content) throws IOException {
    add(name, FILE_MODE, content);
  }

  public void executable(String name, byte[] content) throws IOException {
    add(name, EXECUTABLE_MODE, content);
  }

  public void file(String name, Path source) throws IOException {
    ZipArchiveEntry entry = entry(name, FILE_MODE);
    entry.setSize(Files.size(source));
    out.putArchiveEntry(entry);
    try (InputStream in = Files.newInputStream(source)) {
      in.transferTo(out);
    }
    out.closeArchiveEntry();
  }

  private void add(String name, int mode, byte[] content) throws IOException {
    ZipArchiveEntry entry = entry(name, mode);
    entry.setSize(content.length);
    out.putArchiveEntry(entry);
    out.write(content);
    out.closeArchiveEntry();
  }

  private ZipArchiveEntry entry(String name, int mode) {
    if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
      throw new IllegalArgumentException("expected a relative entry name with / but was: " + name);
    }
    if (!names.add(name)) throw new IllegalArgumentException("entry written twice: " + name);
    ZipArchiveEntry entry = new ZipArchiveEntry(name);
    entry.setUnixMode(mode);
    entry.setTime(FIXED_TIME_MILLIS);
    return entry;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
