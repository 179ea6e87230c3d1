package dev.wirelab.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The student edition of the repository: a standalone Maven project with each lab's starter and README,
 * the modules the starters build on, the notes, the grader with visible checks only ({@code tools/}), a
 * launcher and a GitHub Actions workflow; every lab, or only those handed out so far. No reference, mutant, hidden check, benchmark or instructor
 * passage: what is left out is decided here, by name, and the kit's StudentEditionIT looks for leaks.
 */
public final class StudentEdition {
  /** What the grader jar loses: each lab's one class of hidden checks (see HiddenCheckGroup). */
  static final Pattern HIDDEN_CHECK_CLASS = Pattern.compile("dev/wirelab/labs/[^/]+/Lab\\d\\dHiddenChecks(\\$.*)?\\.class");
  /** Notes that only make sense beside benchmarks/ (their figures, charts and reproduction commands). */
  static final Set<String> NOTES_LEFT_OUT = Set.of("instructor-guide.md", "benchmarks.md", "padding-in-browsers.md",
      "img/benchmarks");
  private static final String TEMPLATES = "/dev/wirelab/export/student/";
  private static final String LABS_COMMON = "labs/common";

  private final Path repository;
  private final Path graderJar;

  public StudentEdition(Path repository, Path graderJar) {
    this.repository = repository;
    this.graderJar = graderJar;
  }

  /** Writes the edition of every lab into {@code dir}, which must be missing or empty. */
  public void write(Path dir) throws IOException {
    write(dir, labFolders());
  }

  /**
   * Writes the edition of {@code labs} (folder names such as {@code lab01-content-length}) into {@code dir},
   * which must be missing or empty: nothing of the user's is overwritten. Only those labs' folders and
   * starters, and the modules the starters depend on, go in; a later export with more labs into a fresh
   * folder is how a course releases the next one.
   */
  public void write(Path dir, Collection<String> labs) throws IOException {
    requireEmpty(dir);
    List<String> released = released(labs);
    List<String> starters = released.stream().map(lab -> "labs/" + lab + "/starter").toList();
    List<String> modules = ModuleGraph.of(repository).withDependencies(starters);
    List<String> unreleased = labFolders().stream().filter(lab -> !released.contains(lab)).toList();

    ExportTree tree = new ExportTree(repository, dir, path -> unreleased.stream()
        .anyMatch(lab -> path.equals("labs/" + lab) || path.startsWith("labs/" + lab + "/")));
    for (String module : modules) tree.copyFolder(module);
    for (String lab : released) tree.copyFile("labs/" + lab + "/README.md");
    tree.copyFolder("notes", relative -> NOTES_LEFT_OUT.stream()
        .anyMatch(left -> relative.equals(left) || relative.startsWith(left + "/")));
    tree.copyFile("LICENSE");
    tree.copyFile(".gitignore");
    tree.copyFolder(".mvn");

    tree.write("pom.xml", RootPom.cutDown(repository, modules));
    HarnessJar.copyWithout(graderJar, dir.resolve("tools/wirelab.jar"), name -> HIDDEN_CHECK_CLASS.matcher(name).matches());
    tree.write("wirelab", template("wirelab.sh"));
    setExecutable(dir.resolve("wirelab"));
    tree.write("README.md", new StudentReadme(repository, released, modules.contains(LABS_COMMON))
        .fill(template("README.md")));
    tree.write(".github/workflows/grade.yml", template("grade.yml")
        .replace("@labs@", released.stream().map(StudentReadme::shortName).collect(Collectors.joining(", "))));
  }

  /** Refuses a file, or a folder with anything in it, as the target: a usage error, not a failed export. */
  public static void requireEmpty(Path dir) throws IOException {
    if (Files.isRegularFile(dir)) throw new IllegalArgumentException("expected a folder for the student edition but "
        + dir + " is a file");
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException("expected an empty or new folder for the student edition but " + dir
            + " has files in it: choose another, so nothing of yours is overwritten");
      }
    }
  }

  /** {@code labs} in course order, once each, after checking that each is a lab folder with a starter. */
  private List<String> released(Collection<String> labs) throws IOException {
    if (labs.isEmpty()) throw new IllegalArgumentException("expected at least one lab to export but there were none");
    List<String> known = labFolders();
    for (String lab : labs) {
      if (!known.contains(lab)) {
        throw new IllegalArgumentException("expected a lab folder with a starter but labs/" + lab
            + " is none; the labs are " + known);
      }
    }
    return known.stream().filter(labs::contains).toList();
  }

  /** Each {@code labs/labNN-*} folder with a starter, by name, in course order. */
  private List<String> labFolders() throws IOException {
    try (Stream<Path> folders = Files.list(repository.resolve("labs"))) {
      return folders.filter(folder -> Files.isRegularFile(folder.resolve("starter/pom.xml")))
          .map(folder -> folder.getFileName().toString())
          .filter(name -> name.matches("lab\\d\\d-.+"))
          .sorted()
          .toList();
    }
  }

  private static String template(String name) {
    try (InputStream in = StudentEdition.class.getResourceAsStream(TEMPLATES + name)) {
      if (in == null) throw new IllegalStateException("expected the template " + TEMPLATES + name + " in the harness");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void setExecutable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException notPosix) {
      if (!file.toFile().setExecutable(true)) throw new IOException("cannot make " + file + " executable");
    }
  }
}
