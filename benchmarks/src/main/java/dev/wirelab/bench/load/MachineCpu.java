package dev.wirelab.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from Linux's {@code /proc/stat}, so a report can say whether other
 * processes were busy during a run: on a 2-CPU machine one parallel build next door moves every percentile.
 * The first line reads {@code cpu user nice system idle iowait irq softirq steal ...}, in clock ticks of
 * 1/100 s (USER_HZ, which is 100 on the usual Linux builds).
 */
record MachineCpu(long busyTicks, long stealTicks) {
  private static final double TICKS_PER_SECOND = 100;

  /** Now, or null where there is no {@code /proc/stat}. */
  static MachineCpu now() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long user = Long.parseLong(fields[1]);
      long nice = Long.parseLong(fields[2]);
      long system = Long.parseLong(fields[3]);
      long irq = Long.parseLong(fields[6]);
      long softirq = Long.parseLong(fields[7]);
      long steal = fields.length > 8 ? Long.parseLong(fields[8]) : 0;
      return new MachineCpu(user + nice + system + irq + softirq, steal);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** CPUs busy on average between {@code earlier} and this, over {@code wallNanos}. */
  double busyCpusSince(MachineCpu earlier, long wallNanos) {
    return (busyTicks - earlier.busyTicks) / TICKS_PER_SECOND / (wallNanos / 1e9);
  }

  /** CPUs the hypervisor gave to other guests on average, over {@code wallNanos}. */
  double stolenCpusSince(MachineCpu earlier, long wallNanos) {
    return (stealTicks - earlier.stealTicks) / TICKS_PER_SECOND / (wallNanos / 1e9);
  }
}
