package dev.wirelab.labs.lab02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.api.LabConfig;
import dev.wirelab.api.LabServer;
import dev.wirelab.grade.Implementations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real client's view of /stream: OkHttp reads the body line by line as it streams, and each line
 * is readable well before the next one is sent. The buffered mutant shows the opposite.
 */
@Timeout(60)
class StreamingClientTest {
  private static final int COUNT = 4;
  private static final int INTERVAL_MILLIS = 300;

  private final OkHttpClient client = new OkHttpClient();

  @Test
  void referenceLinesAreReadableOneIntervalApart() throws Exception {
    long[] gaps = readGaps("reference");

    assertThat(median(gaps)).as("median gap between lines, ns").isGreaterThanOrEqualTo(INTERVAL_MILLIS / 2 * 1_000_000L);
  }

  @Test
  void bufferedMutantDeliversEveryLineAtOnce() throws Exception {
    long[] gaps = readGaps("mutant.buffered-until-end");

    assertThat(median(gaps)).as("median gap between lines, ns").isLessThan(INTERVAL_MILLIS / 2 * 1_000_000L);
  }

  /** Nanoseconds between the moments consecutive lines became readable. */
  private long[] readGaps(String role) throws Exception {
    String className = Implementations.load().className("lab02-chunked", role).orElseThrow();
    try (LabServer server = (LabServer) Class.forName(className).getDeclaredConstructor().newInstance()) {
      server.start(LabConfig.of(Map.of()));
      String url = "http://127.0.0.1:" + server.port() + "/stream?count=" + COUNT + "&interval=" + INTERVAL_MILLIS;
      List<Long> readAt = new ArrayList<>();
      try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
        BufferedSource source = response.body().source();
        for (int i = 1; i <= COUNT; i++) {
          assertThat(source.readUtf8Line()).isEqualTo("message " + i);
          readAt.add(System.nanoTime());
        }
        assertThat(source.exhausted()).isTrue();
      }
      long[] gaps = new long[COUNT - 1];
      for (int i = 1; i < COUNT; i++) gaps[i - 1] = readAt.get(i) - readAt.get(i - 1);
      return gaps;
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
