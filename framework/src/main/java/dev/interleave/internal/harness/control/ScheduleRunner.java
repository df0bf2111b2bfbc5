package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.internal.harness.worker.ScheduleAbort;
import dev.interleave.internal.runtime.Launcher;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.runtime.ProcessContext;
import dev.interleave.internal.schedule.Scheduler;
import dev.interleave.internal.shm.SharedMemory;
import dev.interleave.report.Grade;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs schedules of one scenario: the body on the calling thread (the process {@code main}),
 * the controller on its own thread, the processes on warm workers.
 *
 * <p><b>What is reset between schedules:</b> process numbering ({@code Process-1} again), the
 * schedule's temporary directory, registered invariants, virtual time, every worker's task
 * thread and point handler. <b>What is not:</b> static fields and loaded classes in the worker
 * JVMs and in the test JVM, files outside {@link dev.interleave.harness.Run#tempDir()}, shared
 * memory segments the body does not close. A scenario must build its state inside the body.
 */
final class ScheduleRunner implements AutoCloseable {
  private static final AtomicLong EPOCHS = new AtomicLong();
  private final WorkerPool pool;
  private final ScenarioSpec scenario;
  private final RunOptions options;
  private Tally tally;
  private final MainHandler main = new MainHandler();
  private final HarnessLaunchPath launchPath;
  private final ExecutorService controllerThread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "interleave-controller");
    t.setDaemon(true);
    return t;
  });
  private int workersWanted = 2;
  private boolean observedSteps;
  private boolean sites = true;

  ScheduleRunner(WorkerPool pool, ScenarioSpec scenario, RunOptions options, Tally tally) {
    this.pool = pool;
    this.scenario = scenario;
    this.options = options;
    this.tally = tally;
    this.launchPath = new HarnessLaunchPath(pool);
    Points.install(main);
    Launcher.override(launchPath);
  }

  /**
   * Whether the schedules run from now on capture the call sites of their points (the default).
   * Exploration runs without them: a schedule's steps are shown only when it fails, and a
   * failing schedule is run again (determinism checks, shrinking) before it is reported.
   */
  void captureSites(boolean on) {
    this.sites = on;
  }

  /** Counts invariant checks into {@code t} from now on (shrinking counts apart). */
  void countInto(Tally t) {
    this.tally = t;
  }

  /**
   * The crash budget of a schedule: the option's, or as many kills as the replayed token
   * makes, so a token with a kill replays without repeating the option.
   */
  private int crashes() {
    int kills = 0;
    if (options.replay() != null) {
      for (int d : options.replay().decisions()) {
        kills += d >= dev.interleave.internal.schedule.Candidate.KILL_BASE ? 1 : 0;
      }
    }
    return Math.max(options.crashes(), kills);
  }

  /** Runs schedule {@code number} with {@code scheduler} and input draws from {@code choices}. */
  ScheduleResult run(int number, Scheduler scheduler, ChoiceSource choices)
      throws InterruptedException {
    List<Worker> idle = pool.take(workersWanted);
    RunContext run = new RunContext(number, choices, tally);
    ScheduleSpec spec = new ScheduleSpec(EPOCHS.incrementAndGet(), options.controlled(),
        Duration.ofMillis(options.timeoutMillis()), options.maxSteps(), main, run,
        scenario.ends(), crashes(), scenario.killable(), sites);
    Controller controller = new Controller(spec, scheduler);
    controller.launcher = launchPath;
    ProcessContext.resetChildNames();
    main.attach(controller);
    long noise = options.seed() * 31 + number;
    main.bind(Thread.currentThread(), spec.epoch(), spec.controlled(), noise, sites);
    launchPath.inputs(choices);
    launchPath.begin(controller, Thread.currentThread(), idle, noise);
    Future<ScheduleResult> result = controllerThread.submit(controller::run);
    Set<Path> segments = SharedMemory.ownedNow();
    Throwable failure = runBody(run);
    main.unbind();
    main.clearHangInterrupt();
    launchPath.end();
    workersWanted = Math.max(workersWanted, launchPath.used());
    controller.post(new Event.MainEnded(failure));
    try {
      ScheduleResult r = result.get();
      if (!controller.abandoned()) {
        r = judge(r, run).withInputs(run.inputs()); // a redundant one is neither judged nor counted
      }
      observedSteps = run.observesSteps(); // after the final checks, which may read the history
      return r;
    } catch (ExecutionException e) {
      throw new IllegalStateException("the controller failed", e.getCause());
    } finally {
      run.cleanup();
      // main's exit would remove what it created; its JVM runs many schedules, so the schedule's
      // end does (else every schedule leaves its queues' and pipes' rings in /dev/shm)
      SharedMemory.removeOwnedSince(segments);
    }
  }

  /**
   * Whether the last schedule's body checked something that can tell equivalent schedules apart
   * (see {@link RunContext#observesSteps()}).
   */
  boolean observedSteps() {
    return observedSteps;
  }

  private Throwable runBody(RunContext run) {
    try {
      scenario.body().run(run);
      return null;
    } catch (ScheduleAbort e) {
      return e;
    } catch (Throwable t) {
      return t;
    }
  }

  /** Adds the final invariants and the outcome's grade to a schedule that ended normally. */
  private ScheduleResult judge(ScheduleResult r, RunContext run) {
    if (r.problem() != null) {
      return r.withOutcome(run.outcome(), r.problem());
    }
    String failed = run.checkFinal();
    if (failed != null) {
      return r.withOutcome(run.outcome(), Problem.invariant(failed,
          "final invariant '" + failed + "' was violated" + run.observed(),
          run.observedValue()));
    }
    String outcome = run.outcome();
    if (outcome != null && scenario.grade(outcome).grade() == Grade.FORBIDDEN) {
      return r.withOutcome(outcome, Problem.invariant("outcome " + outcome,
          "forbidden outcome '" + outcome + "' was observed"));
    }
    return r.withOutcome(outcome, null);
  }

  @Override
  public void close() {
    Launcher.override(null);
    Points.install(null);
    controllerThread.shutdownNow();
    TempDirs.awaitDeleted(); // the run leaves no schedule's directory behind
  }
}
