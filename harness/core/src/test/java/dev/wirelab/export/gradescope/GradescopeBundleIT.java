package dev.wirelab.export.gradescope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.export.GradescopeBundle;
import dev.wirelab.export.HarnessJar;
import dev.wirelab.grade.GradeOptions;
import dev.wirelab.grade.Lab;
import dev.wirelab.grade.LabCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope bundle of Lab 01, run the way Gradescope runs it: unpacked into {@code source/} of a
 * folder laid out like {@code /autograder}, {@code setup.sh} once (its Maven part, offline), then
 * {@code run_autograder} with {@code AUTOGRADER_ROOT} pointing at that folder, one submission each.
 * Runs after 'package': the bundle ships the grader-only jar.
 */
class GradescopeBundleIT {
  private static final String LAB = "lab01-content-length";
  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
  private static final Path SOLUTION = REPOSITORY.resolve("labs/" + LAB + "/solution/src/main");
  private static final Path COMMON = REPOSITORY.resolve("labs/common/src/main/java");
  private static final String REFERENCE = "dev.wirelab.lab01.solution.ReferenceServer";
  /** The reference with Content-Length one too high: visible check CL-03 must fail. */
  private static final String MUTANT = "dev.wirelab.lab01.solution.mutants.LengthOffByOne";
  private static final long RUN_LIMIT_MINUTES = 4;

  @TempDir static Path exportDir;
  private static Path zip;
  private static Path preparedSource;

  @TempDir Path autograderRoot;

  @BeforeAll
  static void exportAndSetUp() throws Exception {
    Lab lab = LabCatalog.find(LAB).orElseThrow();
    zip = exportDir.resolve("lab01-autograder.zip");
    new GradescopeBundle(REPOSITORY, HarnessJar.graderJar()).write(zip, lab, GradeOptions.DEFAULT_SEED);
    preparedSource = exportDir.resolve("source");
    unzip(zip, preparedSource);
    // No apt and no network: proves the build the bundle runs needs nothing the local repository lacks.
    ProcessBuilder setup = new ProcessBuilder(preparedSource.resolve("setup.sh").toString())
        .redirectErrorStream(true).redirectOutput(exportDir.resolve("setup.log").toFile());
    setup.environment().put("WIRELAB_SKIP_APT", "1");
    setup.environment().put("WIRELAB_OFFLINE", "1");
    assertThat(run(setup.start())).as(Files.readString(exportDir.resolve("setup.log"))).isZero();
  }

  @Test
  void bundleHasGradescopesLayoutAndExecutableScripts() throws IOException {
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      List<String> names = Collections.list(file.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
      assertThat(names).contains("setup.sh", "run_autograder", "bundle.env", "wirelab-grader.jar",
          "launcher/dev/wirelab/export/gradescope/SubmissionLauncher.class", "skeleton/pom.xml",
          "skeleton/harness/api/src/main/java/dev/wirelab/api/LabLauncher.java",
          "skeleton/labs/" + LAB + "/starter/pom.xml");
      assertThat(file.getEntry("run_autograder").getUnixMode()).isEqualTo(0100755);
      assertThat(file.getEntry("setup.sh").getUnixMode()).isEqualTo(0100755);
      assertThat(file.getEntry("bundle.env").getUnixMode()).isEqualTo(0100644);
    }
  }

  @Test
  void bundleHoldsNoReferenceMutantOrStarterSource() throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
        names.add(entry.getName());
        if (entry.getName().endsWith(".jar")) {
          try (InputStream in = file.getInputStream(entry); JarInputStream jar = new JarInputStream(in)) {
            for (var inner = jar.getNextJarEntry(); inner != null; inner = jar.getNextJarEntry()) {
              names.add(entry.getName() + "!" + inner.getName());
            }
          }
        }
      }
    }
    assertThat(names).noneMatch(name -> name.contains("/solution/") || name.contains("/mutants/")
        || name.contains("/variants/") || name.contains("ReferenceServer"));
    assertThat(names).noneMatch(name -> name.matches(".*dev/wirelab/lab\\d\\d/.*"));
    assertThat(names).noneMatch(name -> name.startsWith("skeleton/labs/" + LAB + "/starter/src/"));
    assertThat(names).noneMatch(name -> name.endsWith("implementations.properties"));
    assertThat(names).noneMatch(name -> name.startsWith("skeleton/harness/core/") || name.startsWith("skeleton/benchmarks/"));
  }

  @Test
  void referenceAsAStudentRepositoryGetsFullMarks() throws Exception {
    Path src = autograderRoot.resolve("submission/labs/" + LAB + "/starter/src");
    submission(src, REFERENCE);

    String log = runAutograder();
    JsonNode results = results();

    assertThat(results.path("score").asDouble()).as(log).isEqualTo(100.0);
    assertThat(results.path("tests")).hasSize(LabCatalog.find(LAB).orElseThrow().checks().size());
    assertThat(results.path("tests")).allSatisfy(test ->
        assertThat(test.path("status").asText()).as(test.toString()).isEqualTo("passed"));
    List<JsonNode> hidden = new ArrayList<>();
    results.path("tests").forEach(test -> {
      if (test.path("visibility").asText().equals("after_published")) hidden.add(test);
    });
    assertThat(hidden).as("the hidden check CL-16").anySatisfy(test ->
        assertThat(test.path("number").asText()).isEqualTo("CL-16"));
    // A status line and the note that the details are the instructor's: what the check sends stays hidden.
    assertThat(hidden).allSatisfy(test -> assertThat(test.path("output").asText())
        .contains("details are for your instructor").hasLineCount(2));
    if (isRoot()) assertThat(log).contains("the server runs as user nobody");
  }

  @Test
  void mutantAsTheStarterModuleFailsItsCheck() throws Exception {
    submission(autograderRoot.resolve("submission/src"), MUTANT);

    String log = runAutograder();
    JsonNode results = results();

    assertThat(results.path("score").asDouble()).as(log).isLessThan(100.0);
    assertThat(results.path("tests")).anySatisfy(test -> {
      assertThat(test.path("number").asText()).isEqualTo("CL-03");
      assertThat(test.path("status").asText()).isEqualTo("failed");
    });
  }

  @Test
  void submissionThatDoesNotCompileScoresZeroWithTheCompilersMessage() throws Exception {
    Path src = autograderRoot.resolve("submission/labs/" + LAB + "/starter/src");
    submission(src, REFERENCE);
    Path content = src.resolve("main/java/dev/wirelab/lab01/solution/Content.java");
    Files.writeString(content, Files.readString(content) + "\nclass Broken { int missing = ; }\n");

    String log = runAutograder();
    JsonNode results = results();

    assertThat(results.path("score").asDouble()).as(log).isZero();
    assertThat(results.path("output").asText())
        .contains("did not compile")
        .contains("src/main/java/dev/wirelab/lab01/solution/Content.java")
        .contains("illegal start of expression")
        .doesNotContain("\u001b[")
        .doesNotContain(autograderRoot.toString());
  }

  @Test
  void serverThatDoesNotStartScoresZeroAndSaysWhy() throws Exception {
    submission(autograderRoot.resolve("submission/src"), "dev.wirelab.lab01.NoSuchServer");

    String log = runAutograder();
    JsonNode results = results();

    assertThat(results.path("score").asDouble()).as(log).isZero();
    assertThat(results.toString()).contains("dev.wirelab.lab01.NoSuchServer");
  }

  /** The reference's sources (with labs/common's, which Lab 01's starter may not use) naming {@code className}. */
  private static void submission(Path src, String className) throws IOException {
    copyTree(SOLUTION, src.resolve("main"));
    copyTree(COMMON, src.resolve("main/java"));
    Files.writeString(src.resolve("main/resources/META-INF/wirelab/implementations.properties"),
        LAB + ".starter = " + className + "\n");
  }

  /** Lays out the folder like Gradescope's image and runs its copy of run_autograder; returns its output. */
  private String runAutograder() throws Exception {
    copyTree(preparedSource, autograderRoot.resolve("source"));
    Files.createDirectories(autograderRoot.resolve("results"));
    Path script = autograderRoot.resolve("run_autograder");
    Files.copy(autograderRoot.resolve("source/run_autograder"), script, StandardCopyOption.COPY_ATTRIBUTES);
    Path log = autograderRoot.resolve("stdout");
    ProcessBuilder builder = new ProcessBuilder(script.toString()).directory(autograderRoot.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("AUTOGRADER_ROOT", autograderRoot.toString());
    int status = run(builder.start());
    String output = Files.readString(log);
    assertThat(status).as(output).isZero();
    return output;
  }

  private JsonNode results() throws IOException {
    return new ObjectMapper().readTree(autograderRoot.resolve("results/results.json").toFile());
  }

  private static int run(Process process) throws InterruptedException {
    if (!process.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("expected the script to end within " + RUN_LIMIT_MINUTES + " minutes but it ran on");
    }
    return process.exitValue();
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Unpacks like unzip(1) does: each file gets the permissions its entry's unix mode gives. */
  private static void unzip(Path zip, Path target) throws IOException {
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) throw new IOException("entry outside the target: " + entry.getName());
        Files.createDirectories(out.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(out, permissions(entry.getUnixMode()));
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
    for (int bit = 0; bit < bits.length; bit++) {
      if ((mode & (1 << bit)) != 0) permissions.add(bits[bit]);
    }
    return permissions;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
