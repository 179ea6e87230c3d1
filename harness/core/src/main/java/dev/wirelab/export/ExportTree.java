package dev.wirelab.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Copies parts of the repository into an export as the sources a clone would have: no build output, no
 * IDE files, and Markdown without its instructor passages (see {@link InstructorMarkers}) nor links into
 * what the export leaves out on purpose (see {@link MarkdownLinks}).
 */
final class ExportTree {
  private static final List<String> IGNORED_FILES = List.of(".DS_Store");
  private static final List<String> IGNORED_SUFFIXES = List.of(".class", ".iml");
  private static final List<String> IGNORED_FOLDERS = List.of(".idea", ".vscode", ".settings");

  private final Path from;
  private final Path to;
  private final Predicate<String> unlinked;

  /** {@code unlinked} accepts the paths (from the root) that Markdown links lose their link to. */
  ExportTree(Path from, Path to, Predicate<String> unlinked) {
    this.from = from;
    this.to = to;
    this.unlinked = unlinked;
  }

  void copyFolder(String folder) throws IOException {
    copyFolder(folder, relative -> false);
  }

  /** {@code folder}, without build output and without what {@code leaveOut} accepts (paths relative to it). */
  void copyFolder(String folder, Predicate<String> leaveOut) throws IOException {
    Path source = from.resolve(folder);
    if (!Files.isDirectory(source)) throw new IOException("expected the folder " + source + " but there is none");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String relative = source.relativize(file).toString().replace('\\', '/');
        if (leaveOut.test(relative) || isBuildOutput(relative)) continue;
        copyFile(folder + "/" + relative);
      }
    }
  }

  /** One file; Markdown loses its instructor passages and its links to what is left out on the way. */
  void copyFile(String file) throws IOException {
    Path source = from.resolve(file);
    Path target = to.resolve(file);
    Files.createDirectories(target.getParent());
    if (file.endsWith(".md")) {
      write(file, MarkdownLinks.unlink(InstructorMarkers.strip(Files.readString(source), file), file, unlinked));
    } else {
      Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  void write(String file, String text) throws IOException {
    Path target = to.resolve(file);
    Files.createDirectories(target.getParent());
    Files.writeString(target, text, StandardCharsets.UTF_8);
  }

  /**
   * As the repository's .gitignore has it: {@code target/} and {@code target-*} folders are build output
   * except under {@code src/}, where {@code target} is a Java package (dev.wirelab.target).
   */
  static boolean isBuildOutput(String relative) {
    String[] parts = relative.split("/");
    String name = parts[parts.length - 1];
    if (IGNORED_FILES.contains(name) || IGNORED_SUFFIXES.stream().anyMatch(name::endsWith)) return true;
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equals("src")) return false;
      if (IGNORED_FOLDERS.contains(parts[i])) return true;
      if (parts[i].equals("target") || parts[i].startsWith("target-")) return true;
    }
    return false;
  }
}
