package dev.wirelab.lab04.solution.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.api.LabConfig;
import dev.wirelab.api.LabServer;
import dev.wirelab.lab04.solution.ReferenceServer;
import dev.wirelab.lab04.solution.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat pages as a browser runs them. The harness checks read the wire; only a browser shows that the
 * page's JavaScript works: headless Chromium loads {@code /} (EventSource) or {@code /frame.html} (the
 * forever frame) from the reference, a message is POSTed from outside, and the page must show it within
 * 1 s of the POST's response, as text: markup in a message never becomes an element.
 *
 * <p>Needs Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}. Without them the tests
 * are skipped, except under {@code CI=true}, where .ci/services.sh installs them and their absence is a
 * failure. The driver path is given to the service, so Selenium Manager never runs (it would try to
 * download a driver, and this machine reaches no network but the package registries).
 */
@Timeout(120)
class ChatPageInChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration SHOW_WITHIN = Duration.ofSeconds(1);
  private static final Duration POLL_EVERY = Duration.ofMillis(20);
  private static final Duration SUBSCRIBE_WITHIN = Duration.ofSeconds(10);
  private static final Pattern ID_FIELD = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Set<Long> childrenBefore = Set.of();
  private static Path profileDir;
  private static ChromeDriverService driverService;
  private static WebDriver browser;

  private LabServer server;
  private URI base;
  private TestReporter reporter;

  @BeforeAll
  static void startChromium() throws IOException {
    String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
        : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString()
        : null;
    if (missing != null) {
      String reason = "Chromium not installed: apt-get install chromium chromium-driver (no " + missing + ")";
      // CI installs Chromium (.ci/services.sh); a skip there would hide a broken install step.
      if ("true".equals(System.getenv("CI"))) throw new AssertionError(reason + "; CI=true, so this is a failure");
      Assumptions.abort(reason);
    }

    childrenBefore = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    profileDir = Files.createTempDirectory("wirelab-chromium-");
    driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toString())
        .addArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profileDir);
    // The forever frame never finishes loading, so the parent's load event never fires: wait for the
    // DOM only, then for the page's subscription to show in /stats.
    options.setPageLoadStrategy(PageLoadStrategy.EAGER);
    browser = new ChromeDriver(driverService, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(10));
  }

  @AfterAll
  static void quitChromium() {
    List<ProcessHandle> ours = ProcessHandle.current().descendants()
        .filter(process -> !childrenBefore.contains(process.pid()))
        .toList();
    try {
      if (browser != null) browser.quit();
    } finally {
      browser = null;
      if (driverService != null) driverService.stop();
      driverService = null;
      // chromedriver and the browser processes it started: none may outlive the class, even after a
      // failed quit().
      for (ProcessHandle process : ours) {
        process.onExit().completeOnTimeout(process, 5, TimeUnit.SECONDS).join();
        if (process.isAlive()) process.destroyForcibly();
      }
      deleteQuietly(profileDir);
      profileDir = null;
    }
  }

  @BeforeEach
  void startReference(TestReporter reporter) throws IOException {
    this.reporter = reporter;
    server = new ReferenceServer();
    server.start(LabConfig.of(Map.of(
        LabConfig.PORT, "0",
        Settings.JDBC_URL, "jdbc:h2:mem:wirelab-browser-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        Settings.HEARTBEAT_MS, "200")));
    base = URI.create("http://127.0.0.1:" + server.port());
  }

  @AfterEach
  void stopReference() throws IOException {
    try {
      // Leave the page first, so it does not keep reconnecting to a port that is gone.
      if (browser != null) browser.get("about:blank");
    } finally {
      server.close();
    }
  }

  @Test
  void chatPageShowsAPostedMessageWithinOneSecond() throws Exception {
    open("/", "events");
    String content = "hello from Chromium " + UUID.randomUUID();
    WebElement shown = postAndAwait(content, "#messages li[data-id='%d']");
    assertThat(shown.getText()).isEqualTo(content);
  }

  @Test
  void framePageShowsAPostedMessageWithinOneSecond() throws Exception {
    open("/frame.html", "stream");
    String content = "hello through the forever frame " + UUID.randomUUID();
    WebElement shown = postAndAwait(content, "#messages [data-id='%d']");
    assertThat(shown.getText()).isEqualTo(content);
  }

  @Test
  void chatPageShowsMarkupAsLiteralText() throws Exception {
    open("/", "events");
    WebElement shown = postAndAwait("<b>bold</b>", "#messages li[data-id='%d']");
    assertThat(shown.getText()).as("text shown for the message <b>bold</b>").isEqualTo("<b>bold</b>");
    assertThat(browser.findElements(By.cssSelector("#messages b"))).as("<b> elements in #messages").isEmpty();
  }

  @Test
  void framePageShowsMarkupAsLiteralText() throws Exception {
    open("/frame.html", "stream");
    WebElement shown = postAndAwait("<b>bold</b>", "#messages [data-id='%d']");
    assertThat(shown.getText()).as("text shown for the message <b>bold</b>").isEqualTo("<b>bold</b>");
    assertThat(browser.findElements(By.cssSelector("#messages b"))).as("<b> elements in #messages").isEmpty();
  }

  /**
   * Loads the page and waits until the server counts its subscription in /stats ({@code kind} is
   * {@code events} or {@code stream}): / asks only for new messages, so a POST before that would be lost.
   */
  private void open(String path, String kind) throws IOException, InterruptedException {
    browser.get(base.resolve(path).toString());
    Pattern count = Pattern.compile("\"" + kind + "\"\\s*:\\s*(\\d+)");
    long deadline = System.nanoTime() + SUBSCRIBE_WITHIN.toNanos();
    String stats = "";
    while (System.nanoTime() < deadline) {
      stats = get("/stats");
      Matcher matcher = count.matcher(stats);
      if (matcher.find() && Integer.parseInt(matcher.group(1)) == 1) return;
      Thread.sleep(POLL_EVERY.toMillis());
    }
    throw new AssertionError("expected 1 open " + kind + " subscriber within " + SUBSCRIBE_WITHIN.toMillis()
        + " ms of loading " + path + " but /stats was " + stats);
  }

  /** POSTs the message, then gives the page {@link #SHOW_WITHIN} from the response to show it. */
  private WebElement postAndAwait(String content, String selectorFormat)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(base.resolve("/messages"))
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    long respondedNanos = System.nanoTime();
    assertThat(response.statusCode()).as("POST /messages status, body " + response.body()).isEqualTo(201);
    Matcher id = ID_FIELD.matcher(response.body());
    assertThat(id.find()).as("an id in the POST response " + response.body()).isTrue();
    By selector = By.cssSelector(String.format(selectorFormat, Long.parseLong(id.group(1))));

    WebElement shown = new WebDriverWait(browser, SHOW_WITHIN, POLL_EVERY)
        .withMessage(() -> "expected " + selector + " within " + SHOW_WITHIN.toMillis()
            + " ms of the POST response but #messages was " + messagesHtml())
        .until(driver -> driver.findElements(selector).stream().findFirst().orElse(null));
    // Shown by IDEs and the console launcher (Surefire drops report entries).
    reporter.publishEntry("shownAfterMillis", String.valueOf((System.nanoTime() - respondedNanos) / 1_000_000));
    return shown;
  }

  private String messagesHtml() {
    List<WebElement> lists = browser.findElements(By.id("messages"));
    return lists.isEmpty() ? "absent" : lists.get(0).getDomProperty("outerHTML");
  }

  private String get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) return;
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
