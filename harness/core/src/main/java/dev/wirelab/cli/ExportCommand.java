package dev.wirelab.cli;

import dev.wirelab.export.GradescopeBundle;
import dev.wirelab.export.HarnessJar;
import dev.wirelab.export.StudentEdition;
import dev.wirelab.grade.GradeOptions;
import dev.wirelab.grade.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes what a course hands out: a student edition of this repository, or a Gradescope"
        + " autograder bundle.", "Exit status: 0 when written, 2 on a usage error."},
    footer = {"", "Examples:",
        "  wirelab export --student ../wirelab-student",
        "  wirelab export --student ../wirelab-student-lab02 --labs lab01,lab02",
        "  wirelab export --gradescope lab01-autograder.zip --lab lab01"})
final class ExportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--student", paramLabel = "DIR", required = true,
        description = "A standalone repository for students: starters, lab READMEs, notes, the grader with"
            + " visible checks only, a GitHub Actions workflow. No reference, mutant or hidden check.")
    Path studentDir;

    @Option(names = "--gradescope", paramLabel = "FILE.zip", required = true,
        description = "A Gradescope autograder bundle for one lab (--lab): setup.sh, run_autograder and the"
            + " grader with hidden checks.")
    Path gradescopeZip;
  }

  @Option(names = "--lab", paramLabel = "LAB", description = "The lab of a --gradescope bundle, e.g. lab01.")
  String labName;

  @Option(names = "--labs", paramLabel = "LAB", split = ",", description = "The labs of a --student edition, by"
      + " name or prefix (default: every lab). Export again with one more lab, into a new folder, to hand out"
      + " the next; labs/common comes with the first lab whose starter builds on it.")
  List<String> labNames;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the randomised inputs the bundle grades"
      + " with (default: ${DEFAULT-VALUE}); today it chooses Lab 01's large file, other labs' inputs are fixed.")
  long seed = GradeOptions.DEFAULT_SEED;

  @Option(names = "--repo", paramLabel = "DIR", description = "The wirelab repository to export from"
      + " (default: the one this harness was built in).")
  Path repo;

  @Override
  public Integer call() throws IOException {
    CommandLine commandLine = spec.commandLine();
    Path repository = repository(commandLine);
    if (what.studentDir != null) {
      if (labName != null) {
        throw new ParameterException(commandLine, "--lab goes with --gradescope only; a student edition takes --labs");
      }
      List<String> labs = studentLabs(commandLine);
      try {
        StudentEdition.requireEmpty(what.studentDir);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(commandLine, e.getMessage());
      }
      StudentEdition edition = new StudentEdition(repository, HarnessJar.graderJar());
      if (labs.isEmpty()) edition.write(what.studentDir);
      else edition.write(what.studentDir, labs);
      System.out.println("wrote the student edition" + (labs.isEmpty() ? "" : " of " + String.join(", ", labs))
          + " to " + what.studentDir.toAbsolutePath());
      return 0;
    }
    if (labNames != null) {
      throw new ParameterException(commandLine, "--labs goes with --student only; a Gradescope bundle takes --lab");
    }
    if (labName == null) throw new ParameterException(commandLine, "--gradescope needs --lab, e.g. --lab lab01");
    Lab lab = Labs.find(labName, commandLine);
    new GradescopeBundle(repository, HarnessJar.graderJar()).write(what.gradescopeZip, lab, seed);
    System.out.println("wrote the Gradescope autograder for " + lab.name() + " to "
        + what.gradescopeZip.toAbsolutePath());
    return 0;
  }

  /** The full names of the labs --labs names, in the order given; empty for every lab. */
  private List<String> studentLabs(CommandLine commandLine) {
    if (labNames == null) return List.of();
    List<String> labs = new ArrayList<>();
    for (String name : labNames) {
      String lab = Labs.find(name.strip(), commandLine).name();
      if (!labs.contains(lab)) labs.add(lab);
    }
    return labs;
  }

  /** The repository root: given, or three folders above the harness jar (harness/core/target/wirelab.jar). */
  private Path repository(CommandLine commandLine) throws IOException {
    Path root = repo != null ? repo : HarnessJar.runningFrom().getParent().getParent().getParent().getParent();
    Path pom = root.resolve("pom.xml");
    if (!Files.isRegularFile(pom) || !Files.readString(pom).contains("<artifactId>wirelab-parent</artifactId>")) {
      throw new ParameterException(commandLine, "expected the wirelab repository at " + root.toAbsolutePath()
          + " but its pom.xml is not wirelab-parent's; name it with --repo DIR");
    }
    return root;
  }
}
