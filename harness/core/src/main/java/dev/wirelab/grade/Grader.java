package dev.wirelab.grade;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Level;
import dev.wirelab.check.Visibility;
import dev.wirelab.client.Exchange;
import dev.wirelab.target.RunningTarget;
import dev.wirelab.target.Target;
import dev.wirelab.target.TargetException;
import dev.wirelab.wire.Deadline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a lab's checks against one server, each with its own deadline and fresh connections, and never
 * longer in total than the lab's budget. A check that throws or hangs fails alone; a check whose
 * dependency did not pass is reported as not run rather than failed in cascade.
 */
public final class Grader {
  /** Time a check gets beyond its own deadline to notice it and return, before it is abandoned. */
  private static final Duration OVERRUN_GRACE = Duration.ofSeconds(2);

  private final GradeOptions options;

  public Grader(GradeOptions options) {
    this.options = options;
  }

  public GradeReport grade(Lab lab, Target target) throws IOException {
    Instant startedAt = Instant.now();
    long startNanos = System.nanoTime();
    Deadline budget = Deadline.after(lab.budget());
    List<Check> checks = selectChecks(lab);
    HiddenTally hidden = hiddenNotRun(lab);

    Path workDir = options.workDir();
    boolean temporary = workDir == null;
    if (temporary) workDir = Files.createTempDirectory("wirelab-" + lab.name());
    try {
      Map<String, String> settings = lab.prepare(workDir, options.givenSettings(), options.seed());
      RunningTarget running;
      try {
        running = target.start(settings, options.startupTimeout());
      } catch (TargetException e) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) results.add(notRun(check.info(), "the server could not be started or reached"));
        return new GradeReport(lab.name(), lab.title(), target.describe(), startedAt,
            elapsedMillis(startNanos), results, hidden.count(), hidden.points(), e.getMessage(), "", options.seed());
      }
      try (running) {
        List<CheckResult> results = runChecks(lab, checks, running, settings, budget);
        return new GradeReport(lab.name(), lab.title(), target.describe(), startedAt,
            elapsedMillis(startNanos), results, hidden.count(), hidden.points(), null, running.log(), options.seed());
      }
    } finally {
      if (temporary) WorkDirectory.deleteRecursively(workDir);
    }
  }

  /**
   * Counted from the lab's declaration, not from its checks: a student edition has no hidden checks'
   * code, and still reports how many there are. With --include-hidden, only those missing from this
   * harness are left.
   */
  private HiddenTally hiddenNotRun(Lab lab) {
    if (!options.includeHidden()) return lab.hiddenTally();
    return lab.hiddenTally().minus(HiddenTally.of(lab.checks()));
  }

  /**
   * The checks to run, visible ones first, each group in the lab's order. Hidden checks come last: a
   * server that remembered a hidden check's requests could otherwise echo them into the answer to a later
   * visible check, whose diagnostic students see. No visible check depends on a hidden one
   * (HiddenChecksTest), so the order keeps every dependency before its dependant.
   */
  private List<Check> selectChecks(Lab lab) {
    List<Check> selected = lab.checks().stream()
        .filter(check -> options.includeHidden() || check.info().visibility() == Visibility.VISIBLE)
        .filter(check -> options.onlyChecks().isEmpty() || options.onlyChecks().contains(check.info().id()))
        .toList();
    List<Check> visibleFirst = new ArrayList<>();
    for (Visibility visibility : List.of(Visibility.VISIBLE, Visibility.HIDDEN)) {
      for (Check check : selected) if (check.info().visibility() == visibility) visibleFirst.add(check);
    }
    return visibleFirst;
  }

  private List<CheckResult> runChecks(Lab lab, List<Check> checks, RunningTarget running, Map<String, String> settings,
      Deadline budget) {
    ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "wirelab-check");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Map<String, CheckResult> byId = new HashMap<>();
      List<CheckResult> results = new ArrayList<>();
      for (Check check : checks) {
        CheckResult result = runOne(lab, check, running, settings, budget, byId, executor);
        byId.put(check.info().id(), result);
        results.add(result);
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }

  private CheckResult runOne(Lab lab, Check check, RunningTarget running, Map<String, String> settings, Deadline budget,
      Map<String, CheckResult> earlier, ExecutorService executor) {
    CheckInfo info = check.info();
    for (String dependency : info.dependsOn()) {
      CheckResult result = earlier.get(dependency);
      if (result != null && result.status() != CheckStatus.PASSED && result.status() != CheckStatus.WARNING) {
        return notRun(info, "depends on " + dependency);
      }
    }
    if (budget.isExpired()) return notRun(info, "the grading time budget ran out");
    long byteCap = options.byteCap() > 0 ? options.byteCap() : lab.byteCap();

    long start = System.nanoTime();
    Duration timeout = info.timeout();
    if (budget.remainingNanos() < timeout.toNanos()) timeout = Duration.ofNanos(budget.remainingNanos());
    Deadline deadline = Deadline.after(timeout);
    CheckContext context = new CheckContext(running.address(), settings, deadline, byteCap,
        options.closeGrace(), options.seed() ^ info.id().hashCode());
    Future<?> future = executor.submit(() -> {
      check.run(context);
      return null;
    });
    CheckStatus status;
    CheckFailure failure = null;
    String note = null;
    try {
      future.get(timeout.plus(OVERRUN_GRACE).toMillis(), TimeUnit.MILLISECONDS);
      status = CheckStatus.PASSED;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CheckFailure checkFailure) {
        failure = checkFailure;
        status = info.level() == Level.SHOULD ? CheckStatus.WARNING : CheckStatus.FAILED;
      } else {
        status = CheckStatus.ERROR;
        note = "the check could not complete: " + e.getCause();
      }
    } catch (TimeoutException e) {
      future.cancel(true);
      context.abort();
      status = CheckStatus.ERROR;
      note = "the check overran its " + timeout.toMillis() + " ms deadline";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      context.abort();
      status = CheckStatus.ERROR;
      note = "grading was interrupted";
    }
    List<Exchange> exchanges = context.exchanges();
    // Diagnostics hold their excerpts, so the bytes can go; an abandoned check's thread may still be
    // reading its (now closed) connection, so its bytes are left to the garbage collector instead.
    if (future.isDone()) exchanges.forEach(Exchange::releaseBytes);
    int points = status == CheckStatus.PASSED ? info.points() : 0;
    return new CheckResult(info, status, points, failure == null ? null : failure.diagnostic(), note,
        exchanges, elapsedMillis(start));
  }

  private static CheckResult notRun(CheckInfo info, String reason) {
    return new CheckResult(info, CheckStatus.NOT_RUN, 0, null, reason, List.of(), 0);
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
