package dev.wirelab.labs.lab02;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timing verdict on its own, without sockets: arrival times in milliseconds, interval 200 ms. */
class ArrivalVerdictTest {
  private static final Duration INTERVAL = Duration.ofMillis(200);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "flushed on time                  | 1 | 2 202 401 603 800        | true",
      "one late read merges two chunks  | 1 | 2 202 401 401 800        | true",
      "slow but steady machine          | 1 | 5 260 530 790 1050       | true",
      "buffered until the end           | 800 | 801 801 801 801 801    | false",
      "all at once at the start         | 1 | 2 2 3 3 3                | false",
      "only every other line flushed    | 1 | 2 402 402 802 802        | false",
      "first line held back             | 1 | 300 500 700 900 1100     | false",
      "own sleep of a second            | 1 | 2 1002 2002 3002 4002    | false",
      "no chunks                        | 1 | ''                       | false"})
  void judgesArrivalTimes(String scenario, long headerMillis, String arrivals, boolean inStep) {
    long[] arrivalNanos = arrivals.isBlank() ? new long[0]
        : Arrays.stream(arrivals.trim().split(" +")).mapToLong(ms -> Long.parseLong(ms) * 1_000_000).toArray();

    ArrivalVerdict verdict = ArrivalVerdict.judge(headerMillis * 1_000_000, arrivalNanos, INTERVAL);

    assertThat(verdict.inStep()).as(scenario + ": " + verdict.actual()).isEqualTo(inStep);
    if (!inStep) assertThat(verdict.expected()).isNotBlank();
  }
}
