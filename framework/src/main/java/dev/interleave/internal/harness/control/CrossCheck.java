package dev.interleave.internal.harness.control;

import dev.interleave.harness.Mode;
import dev.interleave.harness.Strategy;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.internal.schedule.Scheduler;
import dev.interleave.report.CrossCheckReport;
import dev.interleave.report.CrossCheckRow;
import dev.interleave.report.Grade;
import dev.interleave.report.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stress against control: explores a scenario under control as declared (every planned
 * schedule), runs it under stress, and compares the outcome sets. An outcome seen under stress
 * and not in the exploration is searched for under control: twice as many schedules as the
 * exploration ran, at least {@value #SEARCH_MIN} and at most {@value #SEARCH_MAX}, random
 * schedules then PCT ones, of a seed of their own; what the search does not reach either is
 * missed by control, and fails the test.
 */
public final class CrossCheck {
  /** The fewest controlled schedules a search for outcomes seen only under stress may spend. */
  static final int SEARCH_MIN = 20;
  /** The most controlled schedules a search for outcomes seen only under stress may spend. */
  static final int SEARCH_MAX = 200;
  /** The outcome of a schedule that recorded none and found nothing. */
  static final String NO_FINDING = "no finding";
  private static final long SEARCH_SEED_MIX = 0x9E3779B97F4A7C15L;

  private final WorkerPool pool;
  private final ScenarioSpec scenario;
  private final RunOptions options;
  private final Map<String, Long> control = new LinkedHashMap<>();
  private final Map<String, Long> stress = new LinkedHashMap<>();
  /** The outcomes that name a finding (or its absence) rather than a recorded outcome. */
  private final Set<String> findings = new LinkedHashSet<>();
  private int searched;

  private CrossCheck(WorkerPool pool, ScenarioSpec scenario, RunOptions options) {
    this.pool = pool;
    this.scenario = scenario;
    this.options = options;
  }

  /**
   * What running both ways found.
   *
   * @param exploration the controlled exploration, judged and reported as usual
   * @param report the two outcome sets side by side
   */
  public record Result(Exploration exploration, CrossCheckReport report) {
    /** The outcomes missed by control, as "'x' (3 of 20 stress runs)", or empty. */
    public String missed() {
      return report.missedByControl().stream().map(r -> "'" + r.outcome() + "' (" + r.stress()
          + " of " + report.stressRuns() + " stress runs)").collect(Collectors.joining(", "));
    }

    /**
     * {@code j} with the comparison's sentence added, and failed when control missed an
     * outcome (whatever the test expected).
     */
    public Verdicts.Judgement judge(Verdicts.Judgement j) {
      if (!missed().isEmpty()) {
        return new Verdicts.Judgement(Verdict.FAILED, "stress against control: "
            + missed() + " seen under stress but reached by none of " + report.controlSchedules()
            + " controlled schedules and " + report.searchedSchedules() + " searched for it: the"
            + " controlled model misses behaviour the runtime has; " + j.reason());
      }
      List<CrossCheckRow> rare = report.rareUnderStress();
      return new Verdicts.Judgement(j.verdict(), j.reason() + "; stress against control: "
          + report.stressRuns() + " stress runs saw " + count(report.rows().size()
              - rare.size()) + ", every one reached under control"
          + (rare.isEmpty() ? "" : "; " + count(rare.size()) + " reached only under control"
              + " (rare interleavings)"), j.thrown());
    }

    private static String count(int n) {
      return n + (n == 1 ? " outcome" : " outcomes");
    }
  }

  /**
   * Explores {@code scenario} as {@code explorer} is set up to, then runs it {@code stressRuns}
   * times under stress, then searches for what control missed.
   */
  public static Result run(WorkerPool pool, ScenarioSpec scenario, RunOptions options,
      Explorer explorer, int stressRuns) throws InterruptedException {
    CrossCheck c = new CrossCheck(pool, scenario, options);
    Exploration e = explorer.observing(r -> c.count(r, c.control)).explore();
    c.underStress(stressRuns);
    c.search(Math.min(SEARCH_MAX, Math.max(SEARCH_MIN, 2 * e.explored())));
    return new Result(e, c.report(e, stressRuns));
  }

  /** The outcome {@code r} counts as: its recorded outcome, else its finding in a few words. */
  static String label(ScheduleResult r) {
    if (r.outcome() != null) {
      return r.outcome();
    }
    Problem p = r.problem();
    if (p == null) {
      return NO_FINDING;
    }
    return switch (p.kind()) {
      case INVARIANT -> "invariant violated: " + p.invariant();
      case DEADLOCK, HANG -> "no progress (deadlock or hang)"; // stress sees a deadlock as a hang
      case EXCEPTION -> "exception: " + exceptionType(p);
      default -> p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  private static String exceptionType(Problem p) {
    String text = p.stackTrace() != null ? p.stackTrace() : p.summary();
    String first = text.strip().lines().findFirst().orElse("");
    int end = first.indexOf(':');
    return (end < 0 ? first : first.substring(0, end)).strip();
  }

  private void underStress(int runs) throws InterruptedException {
    RunOptions o = new RunOptions(Strategy.RANDOM, Mode.STRESS, runs, options.seed(),
        options.pctDepth(), options.preemptionBound(), options.timeoutMillis(),
        options.expect(), options.finding(), options.invariant(), false, null,
        options.maxSteps());
    runEach(o, runs, stress, new LinkedHashSet<>());
  }

  /** Searches under control for the outcomes seen only under stress, until all are reached. */
  private void search(int budget) throws InterruptedException {
    Set<String> wanted = new LinkedHashSet<>(stress.keySet());
    wanted.removeAll(control.keySet());
    long seed = options.seed() ^ SEARCH_SEED_MIX;
    for (int half = 0; half < 2 && !wanted.isEmpty(); half++) {
      Strategy s = half == 0 ? Strategy.RANDOM : Strategy.PCT;
      int runs = half == 0 ? budget / 2 : budget - budget / 2;
      RunOptions o = new RunOptions(s, Mode.CONTROLLED, runs, seed,
          options.pctDepth(), options.preemptionBound(), options.timeoutMillis(),
          options.expect(), options.finding(), options.invariant(), false, null,
          options.maxSteps());
      searched += runEach(o, runs, control, wanted);
    }
  }

  /**
   * Runs up to {@code runs} schedules of {@code o}, counting their outcomes into {@code into},
   * and stops early once every outcome of {@code until} (if any) was seen, removing each as it
   * is. Returns how many ran.
   */
  private int runEach(RunOptions o, int runs, Map<String, Long> into, Set<String> until)
      throws InterruptedException {
    boolean searching = !until.isEmpty();
    int ran = 0;
    try (ScheduleRunner runner = new ScheduleRunner(pool, scenario, o, new Tally())) {
      Strategies strategies = new Strategies(o);
      for (int n = 1; n <= runs && (!searching || !until.isEmpty()); n++) {
        Scheduler s = strategies.next(n);
        ScheduleResult r = runner.run(n, s, ChoiceSource.random(strategies.inputSeed(n)));
        strategies.observed(r.trace());
        until.remove(count(r, into));
        ran++;
      }
    }
    return ran;
  }

  /** Counts {@code r}'s outcome into {@code into} and returns it. */
  private String count(ScheduleResult r, Map<String, Long> into) {
    String label = label(r);
    if (r.outcome() == null) {
      findings.add(label);
    }
    into.merge(label, 1L, Long::sum);
    return label;
  }

  private CrossCheckReport report(Exploration e, int stressRuns) {
    Set<String> all = new LinkedHashSet<>(control.keySet());
    all.addAll(stress.keySet());
    List<CrossCheckRow> rows = new ArrayList<>();
    for (String outcome : all) {
      ScenarioSpec.Graded g = grade(outcome);
      rows.add(new CrossCheckRow(outcome, g.grade(), g.description(),
          control.getOrDefault(outcome, 0L), stress.getOrDefault(outcome, 0L)));
    }
    return new CrossCheckReport(options.strategy().name().toLowerCase(Locale.ROOT),
        e.explored(), e.exhausted(), searched, stressRuns, rows);
  }

  /** A recorded outcome's declared grade; a finding is forbidden, no finding acceptable. */
  private ScenarioSpec.Graded grade(String outcome) {
    if (!findings.contains(outcome)) {
      return scenario.grade(outcome);
    }
    return NO_FINDING.equals(outcome) ? new ScenarioSpec.Graded(Grade.ACCEPTABLE,
        "the schedule recorded no outcome and found nothing")
        : new ScenarioSpec.Graded(Grade.FORBIDDEN, "a finding");
  }
}
