package dev.wirelab.export;

import dev.wirelab.export.gradescope.BuildSkeleton;
import dev.wirelab.export.gradescope.BundleSettings;
import dev.wirelab.export.gradescope.BundleZip;
import dev.wirelab.export.gradescope.StarterModule;
import dev.wirelab.export.gradescope.SubmissionLauncher;
import dev.wirelab.grade.Lab;
import dev.wirelab.grade.WorkDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A Gradescope autograder for one lab ({@code wirelab export --gradescope FILE.zip --lab LAB}), laid out
 * as Gradescope's specification asks (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
 * the zip's root becomes {@code /autograder/source}, with
 *
 * <pre>
 * setup.sh             installs JDK 17 and Maven, fetches the build's dependencies once (image build)
 * run_autograder       builds one submission offline and grades it (executable)
 * bundle.env           lab, seed, time limits, JVM sizes: what both scripts read
 * wirelab-grader.jar   the harness with its hidden checks, without any lab server
 * launcher/            SubmissionLauncher.class: starts the student's server class as a program
 * skeleton/            the build: the root pom cut to the starter's modules, their poms and sources,
 *                      the starter's pom (a submission brings the starter's src/)
 * README.md            for the instructor
 * </pre>
 */
public final class GradescopeBundle {
  private static final String RESOURCES = "/dev/wirelab/export/gradescope/";

  private final Path repository;
  private final Path graderJar;

  public GradescopeBundle(Path repository, Path graderJar) {
    this.repository = repository;
    this.graderJar = graderJar;
  }

  public void write(Path zip, Lab lab, long seed) throws IOException {
    StarterModule starter = StarterModule.of(repository, lab);
    BuildSkeleton skeleton = BuildSkeleton.of(repository, starter.path());
    BundleSettings settings = BundleSettings.of(lab, seed, starter, servesDocroot(lab, seed));

    Path target = zip.toAbsolutePath();
    if (target.getParent() != null) Files.createDirectories(target.getParent());
    // Written beside the target and moved at the end: a failed export leaves no half zip to upload.
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try (BundleZip out = BundleZip.create(partial)) {
      out.executable("setup.sh", resource("setup.sh"));
      out.executable("run_autograder", resource("run_autograder"));
      out.file("README.md", readme(lab, seed, skeleton));
      out.file("bundle.env", settings.toEnvFile().getBytes(StandardCharsets.UTF_8));
      out.file("wirelab-grader.jar", graderJar);
      String launcher = SubmissionLauncher.class.getName().replace('.', '/') + ".class";
      out.file("launcher/" + launcher, resource("/" + launcher));
      skeleton.writeTo(out, "skeleton/");
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Whether the lab's server serves files the grader writes (its settings name a DOCROOT). The grader's
   * own temporary folders are private to it, so run_autograder then names a folder the server can read.
   */
  private static boolean servesDocroot(Lab lab, long seed) throws IOException {
    Path probe = Files.createTempDirectory("wirelab-export-probe");
    try {
      return lab.prepare(probe, Map.of(), seed).containsKey("DOCROOT");
    } finally {
      WorkDirectory.deleteRecursively(probe);
    }
  }

  private byte[] readme(Lab lab, long seed, BuildSkeleton skeleton) throws IOException {
    String text = new String(resource("README.md"), StandardCharsets.UTF_8)
        .replace("{lab}", lab.name())
        .replace("{title}", lab.title())
        .replace("{seed}", Long.toString(seed))
        .replace("{modules}", String.join(", ", skeleton.modules()));
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) throws IOException {
    String path = name.startsWith("/") ? name : RESOURCES + name;
    try (InputStream in = GradescopeBundle.class.getResourceAsStream(path)) {
      if (in == null) throw new IOException("expected " + path + " on the harness's class path but it is missing");
      return in.readAllBytes();
    }
  }
}
