package dev.wirelab.bench.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium under chromedriver, set up as lab04's ChatPageInChromiumTest does it: the
 * driver path is given to the service, so Selenium Manager never runs (it would try to download a driver),
 * and a fresh profile directory, deleted at the end.
 *
 * <p>The page load strategy is {@code NONE}: a never-ending response never fires {@code load} (nor
 * {@code DOMContentLoaded}), so {@code get()} under {@code NORMAL} or {@code EAGER} would block until its
 * timeout. With {@code NONE} it returns once the navigation has started, and the caller polls, from a
 * second window (see {@link #evaluate}).
 */
final class HeadlessChromium implements AutoCloseable {
  static final List<String> FLAGS = List.of(
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private final Set<Long> childrenBefore;
  private final Path profileDir;
  private final ChromeDriverService service;
  private final WebDriver driver;

  HeadlessChromium(Path chromium, Path chromedriver) throws IOException {
    for (Path executable : List.of(chromium, chromedriver)) {
      if (!Files.isExecutable(executable)) {
        throw new IllegalStateException("expected an executable " + executable
            + " but there is none: apt-get install chromium chromium-driver");
      }
    }
    childrenBefore = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    profileDir = Files.createTempDirectory("wirelab-padding-chromium-");
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .build();
    List<String> arguments = new ArrayList<>(FLAGS);
    arguments.add("--user-data-dir=" + profileDir);
    ChromeOptions options = new ChromeOptions().setBinary(chromium.toString()).addArguments(arguments);
    options.setPageLoadStrategy(PageLoadStrategy.NONE);
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(10));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
  }

  /** The browser's version as chromedriver reports it. */
  String version() {
    return ((HasCapabilities) driver).getCapabilities().getBrowserVersion();
  }

  /**
   * Loads the controller page, the tab every poll runs in. It must come from the streaming server's origin,
   * so that its script may read the trial window's document.
   */
  void openController(String url) throws InterruptedException {
    driver.get(url);
    // Under strategy NONE get() does not wait: the controller must be ours before it opens windows.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
        "return location.href === arguments[0] && document.readyState === 'complete';", url))) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("expected " + url + " to load within 10 s");
      Thread.sleep(10);
    }
  }

  /**
   * Starts loading {@code url} in the trial window, a top-level window (a popup of the controller, which
   * chromedriver leaves unblocked), and returns at once.
   */
  void loadInTrialWindow(String url) {
    ((JavascriptExecutor) driver).executeScript(
        "window.trialWindow = window.open(arguments[0], 'trial'); return true;", url);
  }

  /**
   * Runs {@code script} in the controller, with {@code w} bound to the trial window and {@code id} to
   * {@code argument}, and returns its string result, or {@code "error"}.
   *
   * <p>Why a second window: chromedriver holds every command to a tab while that tab's navigation is
   * pending, even under strategy NONE, and so does the DevTools protocol (Runtime.evaluate waits for the
   * commit), so polling the loading tab itself would stall for as long as Chromium holds the response
   * (measured: 5 s, the script timeout). The controller's tab has no navigation pending; its script sees
   * the trial window's old document until the new one commits.
   */
  String evaluate(String script, String argument) {
    try {
      Object result = ((JavascriptExecutor) driver).executeScript(
          "var w = window.trialWindow, id = arguments[0]; if (!w) return 'none';"
              + " try { " + script + " } catch (e) { return 'error'; }", argument);
      return String.valueOf(result);
    } catch (WebDriverException e) {
      return "error";
    }
  }

  @Override
  public void close() {
    List<ProcessHandle> ours = ProcessHandle.current().descendants()
        .filter(process -> !childrenBefore.contains(process.pid()))
        .toList();
    try {
      driver.quit();
    } finally {
      service.stop();
      // chromedriver and every browser process it started: none may outlive the run, even after a
      // failed quit().
      for (ProcessHandle process : ours) {
        process.onExit().completeOnTimeout(process, 5, TimeUnit.SECONDS).join();
        if (process.isAlive()) process.destroyForcibly();
      }
      deleteQuietly(profileDir);
    }
  }

  private static void deleteQuietly(Path folder) {
    // Deepest first; a file the exiting browser still writes is left to the system's temp cleaner.
    try (var paths = Files.walk(folder)) {
      List<Path> deepestFirst = new ArrayList<>(paths.toList());
      Collections.reverse(deepestFirst);
      for (Path path : deepestFirst) Files.deleteIfExists(path);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete " + folder + ": " + e);
    }
  }
}
