package dev.wirelab.cli;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Visibility;
import dev.wirelab.grade.Implementations;
import dev.wirelab.grade.Lab;
import dev.wirelab.grade.LabCatalog;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the labs and their checks.")
final class ListCommand implements Runnable {
  @Option(names = "--include-hidden", description = "Show what hidden checks test (instructors).")
  boolean includeHidden;

  @Override
  public void run() {
    Implementations implementations = Implementations.load();
    for (Lab lab : LabCatalog.all()) {
      int visible = points(lab, Visibility.VISIBLE);
      int hidden = points(lab, Visibility.HIDDEN);
      System.out.println(lab.name() + " · " + lab.title() + " · " + visible + " points"
          + (hidden > 0 ? " (+" + hidden + " in hidden checks)" : ""));
      System.out.println("  " + lab.summary());
      int mutants = implementations.mutants(lab.name()).size();
      System.out.println("  servers: " + (implementations.className(lab.name(), "starter").isPresent() ? "starter" : "")
          + (implementations.className(lab.name(), "reference").isPresent() ? ", reference" : "")
          + (mutants > 0 ? ", " + mutants + " mutants" : ""));
      for (Check check : lab.checks()) System.out.println(describe(check.info()));
      System.out.println();
    }
    System.out.println("* required by the lab's contract where the RFC itself is softer; 'wirelab explain ID' says why");
  }

  private String describe(CheckInfo info) {
    String worth = switch (info.level()) {
      case SHOULD -> "should";
      case CONTRACT -> info.points() + " pts*";
      case MUST -> info.points() + " pts ";
    };
    if (info.visibility() == Visibility.HIDDEN && !includeHidden) {
      return String.format(Locale.ROOT, "  %-6s %8s  (a hidden check: run at final grading)", info.id(), worth);
    }
    String hidden = info.visibility() == Visibility.HIDDEN ? " (hidden)" : "";
    return String.format(Locale.ROOT, "  %-6s %8s  %s%s  [%s]", info.id(), worth, info.title(), hidden,
        info.section());
  }

  private static int points(Lab lab, Visibility visibility) {
    return lab.checks().stream()
        .filter(check -> check.info().visibility() == visibility)
        .mapToInt(check -> check.info().points())
        .sum();
  }
}
