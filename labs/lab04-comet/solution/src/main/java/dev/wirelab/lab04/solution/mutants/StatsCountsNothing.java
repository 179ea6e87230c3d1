package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.ReferenceServer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Classic bug: /stats has the right shape and counts nothing. */
public class StatsCountsNothing extends ReferenceServer {
  @Override
  protected Map<String, Integer> subscriberCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    super.subscriberCounts().keySet().forEach(kind -> counts.put(kind, 0));
    return counts;
  }
}
