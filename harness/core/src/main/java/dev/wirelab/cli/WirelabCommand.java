package dev.wirelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wirelab}: grade a lab server, or look at one response through the raw-socket microscope. */
@Command(
    name = "wirelab",
    mixinStandardHelpOptions = true,
    version = "wirelab 0.1.0",
    description = "An HTTP/1.1 protocol lab: grades servers from the raw bytes they send.",
    subcommands = {
      GradeCommand.class,
      InspectCommand.class,
      ListCommand.class,
      ExplainCommand.class,
      ServeCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class WirelabCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new WirelabCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
