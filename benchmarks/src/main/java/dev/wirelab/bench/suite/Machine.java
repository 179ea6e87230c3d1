package dev.wirelab.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run came from, as the notes state it: figures from another machine are other figures. */
record Machine(int cpus, String cpuModel, String jdk, String kernel) {

  static Machine current() {
    return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }

  /** The first {@code model name} of Linux's {@code /proc/cpuinfo}; "unknown" elsewhere. */
  private static String readCpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst().orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  String describe() {
    return cpus + " CPUs (" + cpuModel + "), " + jdk + ", " + kernel;
  }
}
