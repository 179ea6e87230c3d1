package dev.wirelab.cli;

import dev.wirelab.api.LabConfig;
import dev.wirelab.api.LabServer;
import dev.wirelab.grade.Implementations;
import dev.wirelab.grade.Lab;
import dev.wirelab.grade.WorkDirectory;
import dev.wirelab.target.InProcessTarget;
import dev.wirelab.target.TargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Runs a lab server with the lab's files, for curl, a browser or 'wirelab inspect'.")
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB")
  String labName;

  @Option(names = "--impl", paramLabel = "starter|reference|mutant:NAME|CLASS",
      description = "Which server (default: the reference, or the starter in a student edition, which has no"
          + " reference).")
  String impl;

  @Option(names = "--port", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--docroot", paramLabel = "DIR", description = "Where to write the lab's files"
      + " (default: a temporary folder).")
  Path docroot;

  @Override
  public Integer call() throws Exception {
    Lab lab = Labs.find(labName, spec.commandLine());
    if (impl == null) {
      impl = Implementations.load().className(lab.name(), "reference").isPresent() ? "reference" : "starter";
    }
    String className = TargetChoice.className(lab, impl, spec.commandLine());
    Path workDir = Files.createTempDirectory("wirelab-serve-");
    Map<String, String> given = new HashMap<>();
    if (docroot != null) given.put("DOCROOT", docroot.toAbsolutePath().toString());
    Map<String, String> settings = lab.prepare(workDir, given);
    LabServer server;
    try {
      server = InProcessTarget.instantiate(className);
    } catch (TargetException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    server.start(LabConfig.of(settings).with(LabConfig.PORT, Integer.toString(port)));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception ignored) {
        // Exiting anyway.
      }
      WorkDirectory.deleteRecursively(workDir); // the fixtures are several MiB; leave nothing behind in /tmp
    }));
    System.out.println(lab.name() + " " + impl + " (" + className + ")");
    System.out.println("listening on http://127.0.0.1:" + server.port() + "/");
    settings.forEach((name, value) -> System.out.println("  " + LabConfig.ENV_PREFIX + name + "=" + value));
    System.out.println("Ctrl-C to stop");
    new CountDownLatch(1).await();
    return 0;
  }

}
