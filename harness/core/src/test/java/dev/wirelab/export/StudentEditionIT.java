package dev.wirelab.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Visibility;
import dev.wirelab.grade.Lab;
import dev.wirelab.grade.LabCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs after 'package': exports the student edition with the real CLI, builds it with Maven offline,
 * and grades Lab 01's starter through the export's own launcher, with no hidden check's code anywhere.
 * A second, partial export ({@code --labs lab01}) is what a course hands out first: it must build and
 * grade without labs/common or any other lab.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudentEditionIT {
  private static final long MAVEN_MINUTES = 5;
  private static final long GRADE_MINUTES = 3;

  private Path temp;
  private Path export;
  private Path partial;
  private final List<String> hiddenTexts = new ArrayList<>();

  @BeforeAll
  void exportAndBuild(@TempDir Path tempDir) throws Exception {
    temp = tempDir;
    for (Lab lab : LabCatalog.all()) {
      for (Check check : lab.checks()) {
        CheckInfo info = check.info();
        if (info.visibility() == Visibility.HIDDEN) hiddenTexts.addAll(List.of(info.id(), info.title(), info.explanation()));
      }
    }
    assertThat(hiddenTexts).as("the full harness has hidden checks to look for").isNotEmpty();

    export = temp.resolve("student");
    Path harnessJar = HarnessJar.runningFrom().getParent().resolve("wirelab.jar");
    Run exported = run(temp, 1, "java", "-jar", harnessJar.toString(), "export", "--student", export.toString());
    assertThat(exported.status()).as(exported.toString()).isZero();

    Run build = run(export, MAVEN_MINUTES, "mvn", "-o", "-q", "-B", "-DskipTests", "package");
    assertThat(build.status()).as(build.toString()).isZero();

    partial = temp.resolve("student-lab01");
    Run exportedLab01 = run(temp, 1, "java", "-jar", harnessJar.toString(), "export", "--student", partial.toString(),
        "--labs", "lab01");
    assertThat(exportedLab01.status()).as(exportedLab01.toString()).isZero();
    Run buildLab01 = run(partial, MAVEN_MINUTES, "mvn", "-o", "-q", "-B", "-DskipTests", "package");
    assertThat(buildLab01.status()).as(buildLab01.toString()).isZero();
  }

  @Test
  void holdsStartersAndNoReferenceMutantOrBenchmark() throws IOException {
    List<String> paths = exportedFiles();

    assertThat(paths).contains("pom.xml", "wirelab", "README.md", "LICENSE", ".gitignore", ".mvn/maven.config",
        "tools/wirelab.jar", ".github/workflows/grade.yml", "harness/api/pom.xml", "labs/common/pom.xml",
        "labs/lab01-content-length/README.md", "labs/lab01-content-length/starter/pom.xml",
        "labs/lab04-comet/starter/pom.xml", "notes/README.md", "notes/01-message-framing.md");
    assertThat(paths).noneMatch(path -> path.contains("solution/") || path.toLowerCase().contains("mutant"));
    assertThat(paths).noneMatch(path -> path.startsWith("benchmarks/") || path.startsWith("harness/core/"));
    assertThat(paths).doesNotContain("notes/benchmarks.md", "notes/padding-in-browsers.md", "notes/instructor-guide.md");
    assertThat(Files.isExecutable(export.resolve("wirelab"))).isTrue();
  }

  @Test
  void noFileAndNoJarEntryCarriesAHiddenCheckOrAnInstructorPassage() throws IOException {
    for (String path : exportedFiles()) {
      byte[] bytes = Files.readAllBytes(export.resolve(path));
      if (path.endsWith(".jar")) {
        assertJarClean(path, bytes);
      } else {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertNoHiddenText(path, text);
        assertThat(text).as(path).doesNotContain("<!-- instructor", "<!-- /instructor", "## For instructors",
            "--impl reference", "mutants");
      }
    }
  }

  @Test
  void rootPomBuildsOnlyTheStudentModules() throws IOException {
    String pom = Files.readString(export.resolve("pom.xml"));

    assertThat(pom).contains("<module>harness/api</module>", "<module>labs/common</module>",
        "<module>labs/lab01-content-length/starter</module>", "<module>labs/lab04-comet/starter</module>",
        "<dependencyManagement>", "<pluginManagement>");
    assertThat(pom).doesNotContain("solution", "<module>harness/core</module>", "<module>benchmarks</module>");
  }

  @Test
  void gradingTheLab01StarterCountsHiddenChecksWithoutRunningThem() throws Exception {
    Lab lab = LabCatalog.find("lab01").orElseThrow();
    int visiblePoints = lab.checks().stream().map(Check::info).filter(info -> info.visibility() == Visibility.VISIBLE)
        .mapToInt(CheckInfo::points).sum();

    Run grade = run(export, GRADE_MINUTES, "./wirelab", "grade", "lab01", "--impl", "starter", "--no-color");

    assertThat(grade.status()).as(grade.toString()).isEqualTo(1);
    assertThat(grade.out()).containsPattern("Points \\d+/" + visiblePoints + "\\b");
    assertThat(grade.out()).contains(lab.hiddenTally().describe() + " not run here");
    assertThat(visiblePoints + lab.hiddenTally().points()).isEqualTo(100);
    assertNoHiddenText("the grade report", grade.out());
  }

  @Test
  void listShowsNoHiddenCheckOnlyTheirCount() throws Exception {
    Run list = run(export, 1, "./wirelab", "list");

    assertThat(list.status()).as(list.toString()).isZero();
    assertThat(list.out()).contains("CL-01", "CH-01", "KA-01", "+ 1 hidden check (4 points), run at final grading");
    assertThat(list.out()).doesNotContain("(hidden)", "reference", "mutants");
    assertNoHiddenText("wirelab list", list.out());

    // The student typed the id (from a classmate, say): the edition cannot tell it from a typo, but says
    // that the lab has hidden checks.
    String hiddenId = dev.wirelab.grade.LabCatalog.find("lab01").orElseThrow().checks().stream()
        .filter(check -> check.info().visibility() == Visibility.HIDDEN).findFirst().orElseThrow().info().id();
    Run explain = run(export, 1, "./wirelab", "explain", hiddenId);
    assertThat(explain.status()).as(explain.toString()).isEqualTo(2);
    assertThat(explain.err()).as(explain.toString())
        .contains("no check " + hiddenId + " among the checks here; lab01-content-length also has 1 hidden check (4 points)");
  }

  @Test
  void theWorkflowGradesEveryLabOfTheFullEdition() throws IOException {
    String workflow = Files.readString(export.resolve(".github/workflows/grade.yml"));

    assertThat(workflow).contains("lab: [lab01, lab02, lab03, lab04]\n", "actions/setup-java@v4",
        "actions/upload-artifact@v4", "cache: maven", "workflow_dispatch");
  }

  @Test
  void aPartialEditionHoldsOnlyItsLabAndWhatItsStarterBuildsOn() throws IOException {
    List<String> paths = exportedFiles(partial);

    assertThat(paths).contains("pom.xml", "harness/api/pom.xml", "labs/lab01-content-length/README.md",
        "labs/lab01-content-length/starter/pom.xml", "notes/README.md", ".github/workflows/grade.yml");
    assertThat(paths).filteredOn(path -> path.startsWith("labs/"))
        .allMatch(path -> path.startsWith("labs/lab01-content-length/"));
    String pom = Files.readString(partial.resolve("pom.xml"));
    assertThat(pom).contains("<module>harness/api</module>", "<module>labs/lab01-content-length/starter</module>")
        .doesNotContain("<module>labs/common</module>", "lab02", "lab03", "lab04", "<artifactId>lab-common</artifactId>");
    String readme = Files.readString(partial.resolve("README.md"));
    assertThat(readme).contains("[lab01-content-length](labs/lab01-content-length/README.md)",
        "./wirelab grade lab01 --impl starter")
        .doesNotContain("lab02-chunked", "lab03-keep-alive", "lab04-comet", "labs/common", "- lab02:", "@");
    assertThat(Files.readString(partial.resolve(".github/workflows/grade.yml"))).contains("lab: [lab01]\n");
  }

  /**
   * The partial edition's workflow line, run as CI runs it ({@code sh -c}, the step summary in an
   * environment variable), on a launcher without its exec bit, as a repository made by web upload has it.
   */
  @Test
  void thePartialEditionsWorkflowLineGradesLab01WithoutTheExecBit() throws Exception {
    String workflow = Files.readString(partial.resolve(".github/workflows/grade.yml"));
    String line = workflow.lines().map(String::strip).filter(text -> text.startsWith("sh ./wirelab grade"))
        .findFirst().orElseThrow(() -> new AssertionError("expected a 'sh ./wirelab grade' line in\n" + workflow));
    Path summary = temp.resolve("step summary.md");
    assertThat(partial.resolve("wirelab").toFile().setExecutable(false, false)).isTrue();
    Files.createDirectories(partial.resolve("wirelab-reports"));

    Run grade = run(partial, GRADE_MINUTES, Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
        "sh", "-c", line.replace("${{ matrix.lab }}", "lab01"));

    assertThat(grade.status()).as(grade.toString()).isEqualTo(1);
    assertThat(grade.out()).contains("Points ", "not run here");
    assertThat(grade.err()).doesNotContain("building your servers"); // built above: the launcher finds every jar
    assertThat(summary).isNotEmptyFile();
    assertThat(partial.resolve("wirelab-reports/lab01.xml")).isNotEmptyFile();
  }

  @Test
  void everyRelativeLinkInAnExportedMarkdownFileResolves() throws IOException {
    for (Path edition : List.of(export, partial)) {
      List<String> broken = new ArrayList<>();
      for (String path : exportedFiles(edition)) {
        if (!path.endsWith(".md")) continue;
        for (String target : MarkdownLinks.relativeTargets(Files.readString(edition.resolve(path)), path)) {
          if (!Files.exists(edition.resolve(target))) broken.add(path + " -> " + target);
        }
      }
      assertThat(broken).as("links to files the export %s leaves out", edition.getFileName()).isEmpty();
    }
  }

  @Test
  void exportingIntoAFolderWithFilesIsAUsageError() throws Exception {
    Path harnessJar = HarnessJar.runningFrom().getParent().resolve("wirelab.jar");
    Run again = run(temp, 1, "java", "-jar", harnessJar.toString(), "export", "--student", export.toString());

    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err()).contains("expected an empty or new folder for the student edition but");
  }

  private List<String> exportedFiles() throws IOException {
    return exportedFiles(export);
  }

  private static List<String> exportedFiles(Path edition) throws IOException {
    try (Stream<Path> files = Files.walk(edition)) {
      return files.filter(Files::isRegularFile)
          .map(file -> edition.relativize(file).toString().replace('\\', '/'))
          .filter(path -> !ExportTree.isBuildOutput(path) || path.endsWith(".jar"))
          .sorted().toList();
    }
  }

  private void assertJarClean(String path, byte[] jar) throws IOException {
    try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
      for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
        String name = entry.getName();
        assertThat(name).as(path).doesNotMatch("dev/wirelab/lab\\d\\d/solution/.*").doesNotContain("HiddenChecks");
        if (name.startsWith("dev/wirelab/") || name.startsWith("META-INF/wirelab/")) {
          assertNoHiddenText(path + "!" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
  }

  private void assertNoHiddenText(String where, String text) {
    for (String hidden : hiddenTexts) assertThat(text).as(where + " mentions a hidden check").doesNotContain(hidden);
  }

  private static Run run(Path dir, long minutes, String... command) throws IOException, InterruptedException {
    return run(dir, minutes, Map.of(), command);
  }

  private static Run run(Path dir, long minutes, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("wirelab-it", ".out");
    Path err = Files.createTempFile("wirelab-it", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("NO_COLOR", "1");
    builder.environment().putAll(environment);
    Process process = builder.start();
    try (InputStream ignored = process.getInputStream()) {
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("expected " + String.join(" ", command) + " to end within " + minutes
            + " min but it was still running; output so far:\n" + Files.readString(out) + Files.readString(err));
      }
    }
    Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err), String.join(" ", command));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  private record Run(int status, String out, String err, String command) {
    @Override
    public String toString() {
      return command + " exited with " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }
}
