package dev.wirelab.cli;

import dev.wirelab.check.CheckInfo;
import dev.wirelab.grade.LabCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Says what a check tests and why, with the RFC section behind it.")
final class ExplainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHECK-ID", description = "e.g. CL-03")
  String id;

  @picocli.CommandLine.Option(names = "--include-hidden", description = "Explain hidden checks too (instructors).")
  boolean includeHidden;

  @Override
  public Integer call() {
    CheckInfo info = LabCatalog.findCheck(id)
        .orElseThrow(() -> new ParameterException(spec.commandLine(), "no check " + id + withHiddenOnes()
            + "; see 'wirelab list'"))
        .info();
    if (info.visibility() == dev.wirelab.check.Visibility.HIDDEN && !includeHidden) {
      System.out.println(info.id() + " is a hidden check, run at final grading. It tests the same rules as"
          + " the visible checks of its lab, with other inputs.");
      return 0;
    }
    System.out.println(info.id() + " · " + info.title());
    System.out.println("rule:    " + info.section() + " (" + info.level().describe() + ")");
    System.out.println("points:  " + info.points());
    if (!info.dependsOn().isEmpty()) {
      System.out.println("needs:   " + String.join(", ", info.dependsOn()) + " to pass first");
    }
    System.out.println();
    System.out.println(wrap(info.explanation(), 96));
    System.out.flush();
    return 0;
  }

  /**
   * A student edition has no hidden check's code, so it cannot tell a hidden id from a typo; it can say
   * that the lab the id belongs to has hidden checks.
   */
  private String withHiddenOnes() {
    String prefix = id.toUpperCase(java.util.Locale.ROOT).replaceFirst("-.*", "-");
    return LabCatalog.all().stream()
        .filter(lab -> lab.checks().stream().anyMatch(check -> check.info().id().startsWith(prefix)))
        .filter(lab -> lab.hiddenTally().count() > lab.checks().stream()
            .filter(check -> check.info().visibility() == dev.wirelab.check.Visibility.HIDDEN).count())
        .findFirst()
        .map(lab -> " among the checks here; " + lab.name() + " also has " + lab.hiddenTally().describe()
            + " that only your instructor's grading runs")
        .orElse("");
  }

  private static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (String word : text.split(" ")) {
      if (column > 0 && column + 1 + word.length() > width) {
        out.append('\n');
        column = 0;
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }
}
