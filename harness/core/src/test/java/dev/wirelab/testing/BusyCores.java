package dev.wirelab.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps every core busy with spinning threads until closed: the noisy machine that timing verdicts must
 * survive unchanged.
 */
public final class BusyCores implements AutoCloseable {
  private final AtomicBoolean busy = new AtomicBoolean(true);
  private final List<Thread> burners = new ArrayList<>();

  private BusyCores() {}

  public static BusyCores start() {
    BusyCores cores = new BusyCores();
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      Thread burner = new Thread(cores::spin, "cpu-burner-" + i);
      burner.setDaemon(true);
      burner.start();
      cores.burners.add(burner);
    }
    return cores;
  }

  private void spin() {
    long sink = 0;
    while (busy.get()) sink += System.nanoTime() % 7;
    if (sink == 42) System.out.print(""); // keeps the loop from being optimised away
  }

  @Override
  public void close() throws InterruptedException {
    busy.set(false);
    for (Thread burner : burners) burner.join();
  }
}
