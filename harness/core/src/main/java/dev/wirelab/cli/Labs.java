package dev.wirelab.cli;

import dev.wirelab.grade.Lab;
import dev.wirelab.grade.LabCatalog;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Looks up a lab by the name a user typed, with the list of names when it is wrong. */
final class Labs {
  private Labs() {}

  static Lab find(String name, CommandLine commandLine) {
    return LabCatalog.find(name).orElseThrow(() -> new ParameterException(commandLine,
        "no lab " + name + "; known: " + LabCatalog.all().stream().map(Lab::name).toList()));
  }
}
