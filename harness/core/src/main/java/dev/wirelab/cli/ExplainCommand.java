package dev.wirelab.cli;

import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Level;
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

  @Override
  public Integer call() {
    CheckInfo info = LabCatalog.findCheck(id)
        .orElseThrow(() -> new ParameterException(spec.commandLine(), "no check " + id + "; see 'wirelab list'"))
        .info();
    System.out.println(info.id() + " · " + info.title());
    System.out.println("rule:    " + info.section() + (info.level() == Level.SHOULD
        ? " (SHOULD: a failure is a warning and costs no points)" : " (MUST)"));
    System.out.println("points:  " + info.points());
    if (!info.dependsOn().isEmpty()) {
      System.out.println("needs:   " + String.join(", ", info.dependsOn()) + " to pass first");
    }
    System.out.println();
    System.out.println(wrap(info.explanation(), 96));
    return 0;
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
