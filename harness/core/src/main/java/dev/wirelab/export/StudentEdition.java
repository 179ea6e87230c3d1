package dev.wirelab.export;

import dev.wirelab.grade.HiddenTally;
import dev.wirelab.grade.Lab;
import dev.wirelab.grade.LabCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The student edition of the repository: a standalone Maven project with each lab's starter and README,
 * the modules the starters build on, the notes, the grader with visible checks only ({@code tools/}), a
 * launcher and a GitHub Actions workflow. No reference, mutant, hidden check, benchmark or instructor
 * passage: what is left out is decided here, by name, and the kit's StudentEditionIT looks for leaks.
 */
public final class StudentEdition {
  /** What the grader jar loses: each lab's one class of hidden checks (see HiddenCheckGroup). */
  static final Pattern HIDDEN_CHECK_CLASS = Pattern.compile("dev/wirelab/labs/[^/]+/Lab\\d\\dHiddenChecks(\\$.*)?\\.class");
  /** Notes that only make sense beside benchmarks/ (their figures, charts and reproduction commands). */
  static final Set<String> NOTES_LEFT_OUT = Set.of("instructor-guide.md", "benchmarks.md", "padding-in-browsers.md",
      "img/benchmarks");
  private static final String TEMPLATES = "/dev/wirelab/export/student/";

  private final Path repository;
  private final Path graderJar;

  public StudentEdition(Path repository, Path graderJar) {
    this.repository = repository;
    this.graderJar = graderJar;
  }

  /** Writes the edition into {@code dir}, which must be missing or empty: nothing of the user's is overwritten. */
  public void write(Path dir) throws IOException {
    requireEmpty(dir);
    List<Path> labs = labFolders();
    List<String> modules = new ArrayList<>(List.of("harness/api", "labs/common"));
    for (Path lab : labs) modules.add("labs/" + lab.getFileName() + "/starter");

    ExportTree tree = new ExportTree(repository, dir);
    Set<String> artifactIds = new LinkedHashSet<>();
    for (String module : modules) {
      tree.copyFolder(module);
      artifactIds.add(RootPom.artifactId(Files.readString(repository.resolve(module).resolve("pom.xml"))));
    }
    for (Path lab : labs) tree.copyFile("labs/" + lab.getFileName() + "/README.md");
    tree.copyFolder("notes", relative -> NOTES_LEFT_OUT.stream()
        .anyMatch(left -> relative.equals(left) || relative.startsWith(left + "/")));
    tree.copyFile("LICENSE");
    tree.copyFile(".gitignore");
    tree.copyFolder(".mvn");

    tree.write("pom.xml", RootPom.cutDown(Files.readString(repository.resolve("pom.xml")), modules, artifactIds));
    HarnessJar.copyWithout(graderJar, dir.resolve("tools/wirelab.jar"), name -> HIDDEN_CHECK_CLASS.matcher(name).matches());
    tree.write("wirelab", template("wirelab.sh"));
    setExecutable(dir.resolve("wirelab"));
    tree.write("README.md", template("README.md")
        .replace("@labs-table@", labsTable())
        .replace("@hidden-checks@", hiddenChecks()));
    tree.write(".github/workflows/grade.yml", template("grade.yml")
        .replace("@labs@", labs.stream().map(StudentEdition::shortName).collect(Collectors.joining(", "))));
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

  /** Each {@code labs/labNN-*} folder with a starter, in course order. */
  private List<Path> labFolders() throws IOException {
    try (Stream<Path> folders = Files.list(repository.resolve("labs"))) {
      return folders.filter(folder -> folder.getFileName().toString().matches("lab\\d\\d-.+"))
          .filter(folder -> Files.isRegularFile(folder.resolve("starter/pom.xml")))
          .sorted()
          .toList();
    }
  }

  private static String shortName(Path labFolder) {
    String name = labFolder.getFileName().toString();
    return name.substring(0, name.indexOf('-'));
  }

  /** The labs table of the repository's README, as it is: one place to keep it up to date. */
  private String labsTable() throws IOException {
    List<String> lines = Files.readAllLines(repository.resolve("README.md"));
    int heading = lines.indexOf("## The labs");
    if (heading < 0) throw new IllegalArgumentException("expected a \"## The labs\" section in README.md but there was none");
    List<String> table = new ArrayList<>();
    for (String line : lines.subList(heading + 1, lines.size())) {
      if (line.startsWith("|")) table.add(line);
      else if (!table.isEmpty()) break;
    }
    if (table.isEmpty()) throw new IllegalArgumentException("expected a table under \"## The labs\" in README.md but there was none");
    return String.join("\n", table);
  }

  /** One line per lab with hidden checks: how many, and what they are worth. */
  private static String hiddenChecks() {
    StringBuilder lines = new StringBuilder();
    for (Lab lab : LabCatalog.all()) {
      HiddenTally hidden = lab.hiddenTally();
      if (hidden.isEmpty()) continue;
      String name = lab.name();
      lines.append("- ").append(name, 0, name.indexOf('-')).append(": ").append(hidden.describe()).append('\n');
    }
    return lines.toString().stripTrailing();
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
