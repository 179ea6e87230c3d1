package dev.wirelab.bench.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Does a browser still need the seed's 4000 spaces? The seed sent them before every line because the
 * browsers of its day showed nothing of a page until a few hundred bytes had arrived. Lab04 keeps one padded
 * prelude of {@code PRELUDE_BYTES} (1024 by default) as the first chunk of {@code /stream}. This experiment
 * asks today's Chromium how much padding, if any, each kind of response needs before a pushed message shows.
 *
 * <p>A {@link StreamingServer} on 127.0.0.1 answers each load with a chunked response that never ends: a
 * prelude chunk of exactly P octets ({@code <!DOCTYPE html><html><body>} and spaces), a pause of D ms, then
 * the 20-octet message chunk {@code <p id="m1">first</p>}. Headless Chromium loads it in a top-level window
 * opened by a controller page of the same origin, and Selenium polls that window's document from the
 * controller every ~10 ms (page load strategy NONE: the load never completes); the figure is the time
 * from the server's write of the message chunk to the return of the first poll that sees it, and the
 * poll also records whether the navigation had committed before the message. Not seen within the cap
 * (3 s) means "held": Chromium waits for more bytes, or for the end that never comes.
 *
 * <p>The baseline is {@code text/html; charset=utf-8} (what lab04 sends): nothing is left for the browser
 * to guess, so it should show the message at once for any P. The other columns take away one piece of
 * information each: the type ({@code text/plain}, which Chromium may sniff), the right to sniff it
 * ({@code nosniff}), or the charset ({@code text/html} alone).
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.wirelab.bench.browser.PaddingInChromium
 * </pre>
 * What you should see: a log line per load, then two Markdown tables (time to visible, and where the page
 * stood when the message was written) ready for notes/padding-in-browsers.md, which has the figures from one
 * run and what they mean for lab04's prelude. About five minutes: every held cell waits out its cap.
 */
@Command(name = "padding-in-chromium", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Measures how long headless Chromium takes to show a pushed message after a padded prelude.")
public final class PaddingInChromium implements Callable<Integer> {
  @Option(names = "--sizes", split = ",", paramLabel = "P",
      description = "Prelude sizes in octets (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes = List.of(0, 64, 256, 512, 1023, 1024, 2048, 4096);

  @Option(names = "--types", split = ",", paramLabel = "CASE",
      description = "Content types, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  List<ContentTypeCase> columns = List.of(ContentTypeCase.values());

  @Option(names = "--repeats", description = "Loads per cell (default: ${DEFAULT-VALUE}).")
  int repeats = 3;

  @Option(names = "--pause-ms", paramLabel = "D",
      description = "Pause between prelude and message (default: ${DEFAULT-VALUE}).")
  long pauseMillis = 300;

  @Option(names = "--cap-ms", description = "How long to wait for the message before calling it held"
      + " (default: ${DEFAULT-VALUE}).")
  long capMillis = 3000;

  @Option(names = "--poll-ms", description = "Poll interval (default: ${DEFAULT-VALUE}).")
  long pollMillis = 10;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the tables to this Markdown file.")
  Path out;

  @Option(names = "--chromium", description = "Browser binary (default: ${DEFAULT-VALUE}).")
  Path chromium = Path.of("/usr/bin/chromium");

  @Option(names = "--chromedriver", description = "Driver binary (default: ${DEFAULT-VALUE}).")
  Path chromedriver = Path.of("/usr/bin/chromedriver");

  public static void main(String[] args) {
    System.exit(new CommandLine(new PaddingInChromium()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<TrialResult> results = new ArrayList<>();
    String version;
    try (StreamingServer server = new StreamingServer();
        HeadlessChromium browser = new HeadlessChromium(chromium, chromedriver)) {
      version = browser.version();
      System.out.printf("Chromium %s, server on 127.0.0.1:%d, D = %d ms, cap %d ms, poll every %d ms%n",
          version, server.port(), pauseMillis, capMillis, pollMillis);
      browser.openController(server.controllerUrl());
      // The first load of a fresh browser pays for starting its renderer: not measured.
      TrialResult warmUp = load(server, browser, ContentTypeCase.HTML_UTF8, 1024, 0);
      System.out.println("warm-up: " + warmUp.describe());
      // Repetition outermost, so a slow spell of the machine touches every cell a little, not one a lot.
      for (int repetition = 1; repetition <= repeats; repetition++) {
        for (int size : sizes) {
          for (ContentTypeCase column : columns) {
            TrialResult result = load(server, browser, column, size, repetition);
            System.out.println(result.describe());
            results.add(result);
          }
        }
      }
    }
    List<Long> roundTrips = results.stream().map(TrialResult::pollRoundTripNanos).sorted().toList();
    String report = "Chromium " + version + "; D = " + pauseMillis + " ms; cap " + capMillis + " ms; poll every "
        + pollMillis + " ms; median poll round trip " + String.format("%.1f ms", PaddingTable.median(roundTrips) / 1e6)
        + "; " + repeats + " loads per cell, median (min–max) in ms from the message chunk's write to the"
        + " first poll that saw it\n\n"
        + PaddingTable.latency(results, sizes, columns)
        + "\nWhere the page stood when the message was written (old: navigation not committed; committed: our"
        + " document, no message yet):\n\n"
        + PaddingTable.stateBeforeMessage(results, sizes, columns)
        + "\nThe encoding each page was decoded with (document.characterSet once the message showed):\n\n"
        + PaddingTable.characterSets(results, sizes, columns);
    System.out.println();
    System.out.print(report);
    if (out != null) Files.writeString(out, report, StandardCharsets.UTF_8);
    return 0;
  }

  private TrialResult load(StreamingServer server, HeadlessChromium browser, ContentTypeCase column, int size,
      int repetition) throws InterruptedException, TimeoutException {
    StreamingServer.Trial trial = server.newTrial(column, size, pauseMillis);
    String script = column.stateScript();
    String stateBeforeMessage = "none";
    List<Long> roundTrips = new ArrayList<>();
    long shownAfterNanos = -1;
    String characterSet = "-";
    long pollNanos = TimeUnit.MILLISECONDS.toNanos(pollMillis);
    long capNanos = TimeUnit.MILLISECONDS.toNanos(capMillis);
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10) + TimeUnit.MILLISECONDS.toNanos(pauseMillis);
    try {
      browser.loadInTrialWindow(server.url(trial));
      long nextPoll = System.nanoTime();
      while (true) {
        long started = System.nanoTime();
        String state = browser.evaluate(script, trial.id);
        long returned = System.nanoTime();
        roundTrips.add(returned - started);
        Long written = trial.messageWritten.getNow(null);
        if (written == null || returned < written) {
          // The message is not on the wire yet: this is what the prelude alone got the page to.
          if (!state.equals("error")) stateBeforeMessage = state;
          if (returned > giveUp) throw new TimeoutException("expected the server to write the message within 10 s");
        } else if (state.startsWith("shown ")) {
          // Upper bound: the script saw the message somewhere between started and returned.
          shownAfterNanos = returned - written;
          characterSet = state.substring("shown ".length());
          break;
        } else if (returned - written > capNanos) {
          break;
        }
        nextPoll += pollNanos;
        long sleepNanos = nextPoll - System.nanoTime();
        if (sleepNanos > 0) TimeUnit.NANOSECONDS.sleep(sleepNanos);
        else nextPoll = System.nanoTime();
      }
    } finally {
      // Leave the page before the server closes the stream, so no load ends in an error page.
      browser.loadInTrialWindow("about:blank");
      Thread.sleep(50);
      trial.end();
    }
    List<Long> sorted = roundTrips.stream().sorted().toList();
    return new TrialResult(column, size, repetition, shownAfterNanos, stateBeforeMessage, characterSet,
        roundTrips.size(),
        PaddingTable.median(sorted));
  }
}
