package dev.wirelab.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What the load tool's own process, and the machine, did while posting: CPUs this process used on average
 * (server and tool together when the server runs in process), CPUs busy on the whole machine and stolen by
 * the hypervisor (NaN off Linux), the subscribers' I/O thread's CPU time, how late a 1 ms sleep woke up
 * ({@link Hiccups}), and the garbage collections.
 */
record ProcessFigures(double cpusUsed, double machineBusyCpus, double machineStolenCpus, long ioThreadCpuMillis,
    Histogram hiccupMicros, long gcCount, long gcMillis) {

  ProcessFigures withIoThreadCpuMillis(long millis) {
    return new ProcessFigures(cpusUsed, machineBusyCpus, machineStolenCpus, millis, hiccupMicros, gcCount, gcMillis);
  }
}
