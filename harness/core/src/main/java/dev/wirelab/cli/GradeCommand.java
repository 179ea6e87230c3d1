package dev.wirelab.cli;

import dev.wirelab.grade.GradeOptions;
import dev.wirelab.grade.GradeReport;
import dev.wirelab.grade.Grader;
import dev.wirelab.grade.Lab;
import dev.wirelab.report.ReportFormats;
import dev.wirelab.report.ReportWriter;
import dev.wirelab.target.Target;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(name = "grade", mixinStandardHelpOptions = true,
    description = {"Grades a server against a lab's checks over real TCP connections.",
        "Exit status: 0 on full marks, 1 otherwise, 2 on a usage error."},
    footer = {"", "Examples:",
        "  wirelab grade lab01 --impl starter",
        "  wirelab grade lab01 --command \"python3 server.py {port}\"",
        "  wirelab grade lab01 --target 127.0.0.1:8080 --docroot /tmp/lab01-docroot",
        "  wirelab grade lab01 --impl reference --format text --format json=report.json",
        "  wirelab grade lab01 --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
        "  wirelab grade lab01 --format junit=TEST-lab01.xml,gradescope=results.json",
        "  wirelab grade lab03 --target 127.0.0.1:8080 --setting IDLE_TIMEOUT_MS=1000 --setting MAX_REQUESTS=25"})
final class GradeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB", description = "A lab, by name or prefix: lab01, lab02-chunked ('wirelab list' shows all).")
  String labName;

  @ArgGroup(exclusive = false)
  TargetChoice targetChoice = new TargetChoice();

  @Option(names = "--format", paramLabel = "FORMAT[=FILE]", split = ",",
      description = "Report format(s): text, json (wirelab's own), junit (JUnit XML for CI test viewers),"
          + " markdown (for $GITHUB_STEP_SUMMARY or a pull-request comment), gradescope (results.json)."
          + " Each goes to FILE if given, else to standard output; when all go to files, standard output"
          + " gets one line, Points N/M. Default: text.")
  List<String> formats = new ArrayList<>(List.of("text"));

  @Option(names = "--out", paramLabel = "FILE", description = "Write the (single) report format to FILE.")
  Path out;

  @Option(names = "--include-hidden", description = "Run hidden checks too (instructors).")
  boolean includeHidden;

  @Option(names = "--docroot", paramLabel = "DIR",
      description = "Where the harness writes the lab's files for a server that serves DIR (use with"
          + " --target; by default a temporary folder, given to the server as WIRELAB_DOCROOT).")
  Path docroot;

  @Option(names = "--setting", paramLabel = "NAME=VALUE",
      description = "A lab setting, as the server gets it in WIRELAB_NAME. With --target, state the settings"
          + " your running server uses, e.g. --setting IDLE_TIMEOUT_MS=1000 for lab03; the checks then use"
          + " them too.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--byte-cap", paramLabel = "BYTES", description = "Most bytes read from one connection"
      + " (default: the lab's own, a little above its largest response).")
  long byteCap;

  @Option(names = "--startup-timeout", paramLabel = "SECONDS",
      description = "How long the server may take to accept connections (default: ${DEFAULT-VALUE}).")
  int startupTimeoutSeconds = 30;

  @Option(names = "--check", paramLabel = "ID", split = ",",
      description = "Run only these checks, e.g. --check CL-03,CL-08 while you fix them.")
  List<String> onlyChecks = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the randomised inputs (default: ${DEFAULT-VALUE}). The report prints it; grading"
          + " again with the same seed replays the same inputs.")
  long seed = GradeOptions.DEFAULT_SEED;

  @Option(names = "--no-color", description = "Plain text even on a terminal.")
  boolean noColor;

  @Override
  public Integer call() throws IOException {
    CommandLine commandLine = spec.commandLine();
    Lab lab = Labs.find(labName, commandLine);
    Target target = targetChoice.resolve(lab, commandLine);
    List<ReportOutput> outputs = outputs(commandLine);

    GradeOptions options = GradeOptions.defaults()
        .withIncludeHidden(includeHidden)
        .withByteCap(byteCap)
        .withStartupTimeout(Duration.ofSeconds(startupTimeoutSeconds))
        .withSeed(seed);
    if (!onlyChecks.isEmpty()) {
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (String id : onlyChecks) ids.add(id.toUpperCase(java.util.Locale.ROOT));
      for (String id : ids) {
        var check = lab.checks().stream().filter(candidate -> candidate.info().id().equals(id)).findFirst();
        if (check.isEmpty()) throw new ParameterException(commandLine, "no check " + id + " in " + lab.name());
        if (check.get().info().visibility() == dev.wirelab.check.Visibility.HIDDEN && !includeHidden) {
          throw new ParameterException(commandLine, id + " is a hidden check: add --include-hidden to run it");
        }
      }
      options = options.withOnlyChecks(ids);
    }
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      String name = setting.getKey().toUpperCase(java.util.Locale.ROOT);
      options = options.withSetting(name.startsWith("WIRELAB_") ? name.substring("WIRELAB_".length()) : name,
          setting.getValue());
    }
    if (docroot != null) options = options.withSetting("DOCROOT", docroot.toAbsolutePath().toString());
    GradeReport report;
    try {
      report = new Grader(options).grade(lab, target);
    } catch (IllegalArgumentException e) { // a setting the lab's checks cannot work with
      throw new ParameterException(commandLine, e.getMessage());
    }

    for (ReportOutput output : outputs) output.write(report);
    if (outputs.stream().allMatch(output -> output.file() != null)) {
      stdout().println(ReportFormats.pointsLine(report));
    }
    return report.fullMarks() ? 0 : 1;
  }

  private List<ReportOutput> outputs(CommandLine commandLine) {
    if (out != null && formats.size() != 1) {
      throw new ParameterException(commandLine, "--out takes one format; use --format FORMAT=FILE for several");
    }
    boolean color = !noColor && ReportFormats.terminalSupportsColor();
    List<ReportOutput> outputs = new ArrayList<>();
    // Two reports in one place would be unreadable (text then JSON on stdout) or lost (the second file
    // overwrites the first): each place takes one report.
    Map<String, String> formatByPlace = new LinkedHashMap<>();
    for (String format : formats) {
      String[] parts = format.split("=", 2);
      Path file = parts.length == 2 ? Path.of(parts[1]) : out;
      ReportWriter writer = ReportFormats.find(parts[0], color && file == null).orElseThrow(() ->
          new ParameterException(commandLine, "no report format " + parts[0] + "; known: " + ReportFormats.names()));
      String place = file == null ? "standard output" : file.toAbsolutePath().normalize().toString();
      String earlier = formatByPlace.putIfAbsent(place, parts[0]);
      if (earlier != null) {
        throw new ParameterException(commandLine, "the " + earlier + " and " + parts[0] + " reports would both go to "
            + place + "; give each but one a file: --format " + parts[0] + "=FILE");
      }
      outputs.add(new ReportOutput(writer, file));
    }
    return outputs;
  }

  private static PrintStream stdout() {
    return new PrintStream(System.out, true, StandardCharsets.UTF_8);
  }

  private record ReportOutput(ReportWriter writer, Path file) {
    void write(GradeReport report) throws IOException {
      if (file == null) {
        Writer stdout = new OutputStreamWriter(stdout(), StandardCharsets.UTF_8);
        writer.write(report, stdout);
        stdout.flush();
        return;
      }
      if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer fileWriter = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        writer.write(report, fileWriter);
      }
    }
  }
}
