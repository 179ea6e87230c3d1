package dev.wirelab.cli;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Level;
import dev.wirelab.check.Visibility;
import dev.wirelab.grade.Implementations;
import dev.wirelab.grade.Lab;
import dev.wirelab.grade.LabCatalog;
import java.util.Locale;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the labs and their checks.")
final class ListCommand implements Runnable {
  @Override
  public void run() {
    Implementations implementations = Implementations.load();
    for (Lab lab : LabCatalog.all()) {
      int points = lab.checks().stream().mapToInt(check -> check.info().points()).sum();
      System.out.println(lab.name() + " · " + lab.title() + " · " + points + " points");
      System.out.println("  " + lab.summary());
      int mutants = implementations.mutants(lab.name()).size();
      System.out.println("  servers: " + (implementations.className(lab.name(), "starter").isPresent() ? "starter" : "")
          + (implementations.className(lab.name(), "reference").isPresent() ? ", reference" : "")
          + (mutants > 0 ? ", " + mutants + " mutants" : ""));
      for (Check check : lab.checks()) {
        CheckInfo info = check.info();
        String worth = info.level() == Level.SHOULD ? "should" : info.points() + " pts";
        String hidden = info.visibility() == Visibility.HIDDEN ? " (hidden)" : "";
        System.out.printf(Locale.ROOT, "  %-6s %6s  %s%s  [%s]%n", info.id(), worth, info.title(), hidden,
            info.section());
      }
      System.out.println();
    }
  }
}
