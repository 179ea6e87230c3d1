package dev.wirelab.cli;

import dev.wirelab.grade.Implementations;
import dev.wirelab.grade.Lab;
import dev.wirelab.target.CommandTarget;
import dev.wirelab.target.InProcessTarget;
import dev.wirelab.target.RemoteTarget;
import dev.wirelab.target.Target;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The three ways to name the server under test; at most one may be given, the starter by default. */
final class TargetChoice {
  @Option(names = "--impl", paramLabel = "starter|reference|mutant:NAME|CLASS",
      description = "A Java server run inside the harness: the lab's starter (default), its reference,"
          + " one of its mutants, or any class implementing dev.wirelab.api.LabServer.")
  String impl;

  @Option(names = "--command", paramLabel = "CMD",
      description = "A server in any language, run as a shell command; {port} is replaced by the port"
          + " to listen on, also given as WIRELAB_PORT with the lab's other WIRELAB_* settings.")
  String command;

  @Option(names = "--target", paramLabel = "HOST:PORT",
      description = "A server that is already running. The harness cannot give it settings: see --docroot.")
  String target;

  Target resolve(Lab lab, picocli.CommandLine commandLine) {
    int given = (impl != null ? 1 : 0) + (command != null ? 1 : 0) + (target != null ? 1 : 0);
    if (given > 1) throw new ParameterException(commandLine, "give only one of --impl, --command, --target");
    if (command != null) return new CommandTarget(command);
    if (target != null) {
      try {
        return RemoteTarget.parse(target);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(commandLine, e.getMessage());
      }
    }
    return new InProcessTarget(className(lab, impl == null ? "starter" : impl, commandLine));
  }

  static String className(Lab lab, String impl, picocli.CommandLine commandLine) {
    Implementations implementations = Implementations.load();
    if (impl.equals("starter") || impl.equals("reference")) {
      return implementations.className(lab.name(), impl).orElseThrow(() -> new ParameterException(commandLine,
          "no " + impl + " for " + lab.name() + " on the class path"
              + (impl.equals("reference") ? " (a student edition has none)" : "")));
    }
    if (impl.startsWith("mutant:")) {
      String name = impl.substring("mutant:".length());
      return implementations.className(lab.name(), "mutant." + name).orElseThrow(() ->
          new ParameterException(commandLine, "no mutant " + name + " for " + lab.name() + "; known: "
              + implementations.mutants(lab.name()).stream().map(Implementations.Mutant::name).toList()));
    }
    if (impl.contains(".")) return impl;
    throw new ParameterException(commandLine, "expected starter, reference, mutant:NAME or a class name"
        + " but was " + impl);
  }
}
