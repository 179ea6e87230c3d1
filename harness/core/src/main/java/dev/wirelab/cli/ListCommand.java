package dev.wirelab.cli;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Visibility;
import dev.wirelab.grade.HiddenTally;
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
      HiddenTally hidden = lab.hiddenTally();
      System.out.println(lab.name() + " · " + lab.title() + " · " + visiblePoints(lab) + " points"
          + (hidden.isEmpty() ? "" : " (+" + hidden.points() + " in hidden checks)"));
      System.out.println("  " + lab.summary());
      int mutants = implementations.mutants(lab.name()).size();
      System.out.println("  servers: " + (implementations.className(lab.name(), "starter").isPresent() ? "starter" : "")
          + (implementations.className(lab.name(), "reference").isPresent() ? ", reference" : "")
          + (mutants > 0 ? ", " + mutants + " mutants" : ""));
      for (Check check : lab.checks()) {
        if (includeHidden || check.info().visibility() == Visibility.VISIBLE) System.out.println(describe(check.info()));
      }
      // Without --include-hidden a hidden check shows as a count only, the same whether its code is in this
      // harness or not (a student edition), so students never see its id or title.
      HiddenTally unlisted = includeHidden ? hidden.minus(HiddenTally.of(lab.checks())) : hidden;
      if (!unlisted.isEmpty()) {
        System.out.println("  + " + unlisted.describe() + (includeHidden ? " not in this harness"
            : ", run at final grading"));
      }
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
    String hidden = info.visibility() == Visibility.HIDDEN ? " (hidden)" : "";
    return String.format(Locale.ROOT, "  %-6s %8s  %s%s  [%s]", info.id(), worth, info.title(), hidden,
        info.section());
  }

  private static int visiblePoints(Lab lab) {
    return lab.checks().stream()
        .filter(check -> check.info().visibility() == Visibility.VISIBLE)
        .mapToInt(check -> check.info().points())
        .sum();
  }
}
