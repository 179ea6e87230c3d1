package dev.wirelab.export;

import dev.wirelab.cli.WirelabCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The grader-only jar the exports ship: the harness without any lab server. The build writes it beside
 * {@code wirelab.jar} as {@code wirelab-grader.jar} (harness/core/pom.xml, shade execution
 * {@code grader-only}), so what it leaves out is decided by Maven's artifact list, not by file patterns.
 */
public final class HarnessJar {
  static final String GRADER_JAR = "wirelab-grader.jar";

  private HarnessJar() {}

  /**
   * Where this harness was loaded from: {@code harness/core/target/wirelab.jar} when run from the jar,
   * {@code harness/core/target/classes} when run from the build's classes (tests).
   */
  public static Path runningFrom() throws IOException {
    try {
      return Path.of(WirelabCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      throw new IOException("cannot tell where the harness was loaded from: " + e, e);
    }
  }

  /** The grader-only jar of this build: beside the running jar, or beside the classes folder. */
  public static Path graderJar() throws IOException {
    Path buildDirectory = runningFrom().getParent();
    Path jar = buildDirectory.resolve(GRADER_JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IOException("expected the grader-only jar at " + jar + " but there is none: build it with"
          + " 'mvn -DskipTests package' (or ./wirelab --rebuild) first");
    }
    return jar;
  }

  /**
   * Copies {@code source} to {@code target} without the entries {@code drop} accepts (entry names such
   * as {@code dev/wirelab/labs/lab01/hidden/Lab01HiddenChecks.class}). The manifest is kept as it is.
   */
  public static void copyWithout(Path source, Path target, Predicate<String> drop) throws IOException {
    if (target.toAbsolutePath().getParent() != null) Files.createDirectories(target.toAbsolutePath().getParent());
    try (InputStream in = Files.newInputStream(source);
         JarInputStream jarIn = new JarInputStream(in, false)) {
      Manifest manifest = jarIn.getManifest();
      try (OutputStream out = Files.newOutputStream(target);
           JarOutputStream jarOut = manifest == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest)) {
        for (JarEntry entry = jarIn.getNextJarEntry(); entry != null; entry = jarIn.getNextJarEntry()) {
          if (drop.test(entry.getName())) continue;
          JarEntry copy = new JarEntry(entry.getName());
          copy.setTime(entry.getTime());
          jarOut.putNextEntry(copy);
          jarIn.transferTo(jarOut);
          jarOut.closeEntry();
        }
      }
    }
  }
}
