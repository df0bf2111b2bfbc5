package dev.interleave.internal.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounded exhaustive search: every schedule with at most {@code preemptionBound} preemptions,
 * depth first, one schedule per {@link #next()}; says when the space is exhausted. Complete
 * within the bound for small scenarios; the count grows as steps^bound, so keep both small.
 *
 * <p>Each schedule replays the prefix of the previous one up to its deepest step that has an
 * untried alternative within the bound, takes that alternative, and continues non-preemptively
 * (the current process while it can run, else the lowest number). Every runnable candidate is an
 * alternative, a pending timer's firing included, and so is a kill (crash injection), which
 * counts as a preemption. A replayed prefix that the run cannot follow
 * (a recorded process that cannot run, or a run that ends inside the prefix) means the scenario
 * is not deterministic: the schedule throws a {@link DivergenceException} rather than absorbing
 * it, since the space it would then claim to have exhausted is not the scenario's.
 *
 * <p><b>Reduction.</b> With {@link #reduce(boolean) reduction} on, the search keeps a sleep set
 * at each step (Godefroid's): an alternative already explored at an earlier step stays asleep
 * along a later branch while the steps taken since {@link Commutes commute} with it, since any
 * schedule that would run it there is equivalent (the same steps, commuting ones swapped) to one
 * explored before. A sleeping alternative is not taken; a schedule whose every runnable
 * alternative is asleep is {@linkplain #redundant() redundant} and is abandoned. Without a bound
 * the search also backtracks only where a race asks for it (dynamic partial-order reduction with
 * source sets: at each new step, the last earlier step that does not commute with a pending
 * operation and does not happen before it, by vector clocks of the schedule's steps, gets the
 * processes that can reverse that race as alternatives), and each schedule it completes is one
 * class of equivalent schedules (no two it completes are equivalent). Under a preemption bound
 * an alternative sleeps only if the bound cut nothing in its own subtree, since the explored equivalent of a schedule within the bound may need more
 * preemptions than the bound allows (sleep sets and preemption bounds do not combine otherwise):
 * the reduced search then reaches every class that the unreduced bounded search reaches, and
 * prunes less.
 */
public final class ExhaustiveSearch {
  private final int preemptionBound;
  private final List<Frame> stack = new ArrayList<>();
  private boolean exhausted;
  private boolean started;
  private boolean reduce;
  private boolean prunedAny;
  private boolean reductionLost;
  /** Whether the search went past its first schedule. */
  private boolean advanced;
  private boolean redundant;
  private int redundantRuns;
  /** Whether backtracking is driven by races (unbounded reducing search) rather than by all. */
  private final boolean unbounded;

  /** A search without reduction. */
  public ExhaustiveSearch(int preemptionBound) {
    this(preemptionBound, false);
  }

  /**
   * A search within {@code preemptionBound} preemptions ({@link Integer#MAX_VALUE} for none).
   *
   * @param reduce whether to prune schedules equivalent to explored ones
   */
  public ExhaustiveSearch(int preemptionBound, boolean reduce) {
    if (preemptionBound < 0) {
      throw new IllegalArgumentException("preemption bound must be >= 0 but was: "
          + preemptionBound);
    }
    this.preemptionBound = preemptionBound;
    this.reduce = reduce;
    this.unbounded = preemptionBound == Integer.MAX_VALUE;
  }

  private boolean racesOnly() {
    return reduce && unbounded;
  }

  /**
   * Turns the reduction on or off for the schedules from the next one on. Turning it off after it
   * pruned anything means the search can no longer claim to be exhaustive, since what it pruned
   * was pruned on a premise that no longer holds.
   */
  public void reduce(boolean on) {
    if (reduce && !on && (prunedAny || advanced && racesOnly())) {
      reductionLost = true; // without a bound, every step after the first schedule was pruned
    }
    reduce = on;
  }

  /** Whether the reduction is on. */
  public boolean reducing() {
    return reduce;
  }

  /** The scheduler of the next schedule, or null when every schedule has been explored. */
  public Scheduler next() {
    if (started) {
      advance();
    }
    started = true;
    redundant = false;
    return exhausted ? null : new Walk();
  }

  /**
   * Whether the space (within the bound, up to equivalence if reducing) has been explored
   * completely.
   */
  public boolean exhausted() {
    return exhausted && !reductionLost;
  }

  /**
   * Whether the last schedule was abandoned because every alternative left was asleep: it is
   * equivalent to one explored before, and is not one of the search's schedules.
   */
  public boolean redundant() {
    return redundant;
  }

  /** How many schedules were abandoned as redundant so far. */
  public int redundantRuns() {
    return redundantRuns;
  }

  private void advance() {
    advanced = true;
    while (!stack.isEmpty()) {
      Frame f = stack.get(stack.size() - 1);
      int next = racesOnly() ? nextRacing(f) : nextWithinBound(f);
      if (next >= 0) {
        f.take(next);
        return;
      }
      stack.remove(stack.size() - 1);
      f.anyCut |= f.cut;
      if (!stack.isEmpty()) {
        stack.get(stack.size() - 1).cut |= f.anyCut;
      }
    }
    exhausted = true;
  }

  /** The next alternative within the bound and awake, or -1: every one is tried in order. */
  private int nextWithinBound(Frame f) {
    for (int j = f.chosen + 1; j < f.options.size(); j++) {
      if (f.preemptionsAfter(j) > preemptionBound) {
        f.anyCut = true;
      } else if (!asleep(f, j)) {
        return j;
      }
    }
    return -1;
  }

  /** The next alternative a race asked for, not yet tried and awake, or -1. */
  private int nextRacing(Frame f) {
    for (int j = f.backtrack.nextSetBit(0); j >= 0; j = f.backtrack.nextSetBit(j + 1)) {
      if (j != f.chosen && !f.tried.contains(j) && !asleep(f, j)) {
        return j;
      }
    }
    return -1;
  }

  private boolean asleep(Frame f, int option) {
    if (!reduce) {
      return false;
    }
    Candidate c = f.candidates.get(option);
    for (Candidate s : f.sleep) {
      if (s.equals(c)) {
        prunedAny = true;
        return true;
      }
    }
    return false;
  }

  /**
   * One step's alternatives, the non-preemptive pick first, and how far they were explored. A
   * kill is always a preemption, as the trace counts it, even where no process was running.
   *
   * <p>An explored alternative may sleep along its later siblings only if the bound cut nothing
   * below it: then every schedule through it was explored (up to equivalence), so a later
   * schedule that would run it where it still commutes with all that ran since is equivalent to
   * one of them. Where the bound cut its subtree, the equivalent schedule may be one the bound
   * skipped (it may need more preemptions), so it does not sleep, and the bounded search stays
   * complete within its bound.
   */
  private static final class Frame {
    final List<Integer> options;
    final List<Candidate> candidates;
    /** What was asleep on arriving at this step. */
    final List<Candidate> sleep;
    final int preemptionsBefore;
    final int current;
    int chosen;
    /** The alternatives explored before the chosen one whose subtrees the bound did not cut. */
    final List<Integer> tried = new ArrayList<>();
    /** Whether the bound cut anything below the chosen alternative so far. */
    boolean cut;
    /** Whether the bound cut anything at this step or below any alternative explored. */
    boolean anyCut;
    /** The alternatives to explore (searches without a bound that prune by races). */
    final java.util.BitSet backtrack = new java.util.BitSet();

    Frame(List<Integer> options, List<Candidate> candidates, List<Candidate> sleep,
        int preemptionsBefore, int current) {
      this.options = options;
      this.candidates = candidates;
      this.sleep = sleep;
      this.preemptionsBefore = preemptionsBefore;
      this.current = current;
    }

    int preemptionsAfter(int option) {
      int pick = options.get(option);
      boolean preempts = pick >= Candidate.KILL_BASE || current >= 0 && pick != current;
      return preemptionsBefore + (preempts ? 1 : 0);
    }

    /** Moves on to alternative {@code option}, the chosen one's subtree being done. */
    void take(int option) {
      if (!cut) {
        tried.add(chosen);
      }
      anyCut |= cut;
      cut = false;
      chosen = option;
    }

    Candidate taken() {
      return candidates.get(chosen);
    }

    /**
     * What sleeps after this step's choice: what slept here or was explored here before, as far
     * as it commutes with the chosen step (what does not is woken by it).
     */
    List<Candidate> sleepAfter() {
      Candidate taken = candidates.get(chosen);
      List<Candidate> out = new ArrayList<>();
      for (Candidate s : sleep) {
        if (Commutes.of(s, taken)) {
          out.add(s);
        }
      }
      for (int i : tried) {
        Candidate s = candidates.get(i);
        if (Commutes.of(s, taken)) {
          out.add(s);
        }
      }
      return out;
    }
  }

  /** The process a candidate's step belongs to (a kill is a step of the process it kills). */
  private static int owner(Candidate c) {
    return c.isKill() ? c.process() - Candidate.KILL_BASE : c.process();
  }

  private final class Walk implements Scheduler {
    private final int prefix = stack.size();
    /**
     * Vector clocks of the schedule's steps so far (searches that prune by races): entry q of
     * step i's clock is one more than the last step of process q that happens before step i.
     */
    private final List<int[]> clocks = new ArrayList<>();
    private final java.util.Map<Integer, int[]> processClocks = new java.util.HashMap<>();

    @Override
    public int pick(StepView view) {
      int step = view.step();
      if (racesOnly()) {
        clockUpTo(step);
      }
      if (step < stack.size()) {
        Frame f = stack.get(step);
        int p = f.options.get(f.chosen);
        if (view.isRunnable(p)) {
          return p;
        }
        throw new DivergenceException(step, "exhaustive search replays the prefix of an earlier"
            + " schedule, which picked process " + p + " here, but only "
            + Decisions.processes(view) + " can run: the scenario is not deterministic");
      }
      int before = stack.isEmpty() ? 0 : last().preemptionsAfter(last().chosen);
      List<Candidate> sleep = reduce && !stack.isEmpty() ? last().sleepAfter() : List.of();
      List<Integer> options = new ArrayList<>();
      List<Candidate> candidates = new ArrayList<>();
      int first = view.defaultPick();
      for (Candidate c : view.runnable()) {
        if (c.process() == first) {
          options.add(0, c.process());
          candidates.add(0, c);
        } else {
          options.add(c.process());
          candidates.add(c);
        }
      }
      Frame f = new Frame(options, candidates, List.copyOf(sleep), before, view.current());
      if (racesOnly()) {
        for (Candidate c : candidates) {
          backtrackRace(step, c);
        }
      }
      for (int j = 0; j < options.size(); j++) {
        if (f.preemptionsAfter(j) > preemptionBound) {
          f.anyCut = true;
        } else if (!asleep(f, j)) {
          f.chosen = j;
          f.backtrack.set(j);
          stack.add(f);
          return options.get(j);
        }
      }
      if (!stack.isEmpty()) {
        last().cut |= f.anyCut;
      }
      redundant = true;
      redundantRuns++;
      throw new RedundantScheduleException(step);
    }

    /**
     * Computes the clocks of the steps before {@code step}. A process's first step inherits the
     * clock of the step before it first could run (its parent's start), since it cannot run
     * before that step.
     */
    private void clockUpTo(int step) {
      for (int i = clocks.size(); i < step; i++) {
        Candidate t = stack.get(i).taken();
        int p = owner(t);
        int[] c = processClocks.get(p);
        if (c == null) {
          c = inherited(p, i);
        }
        c = c.clone();
        for (int j = 0; j < i; j++) {
          if (!Commutes.of(stack.get(j).taken(), t) && owner(stack.get(j).taken()) != p) {
            c = max(c, clocks.get(j));
          }
        }
        c = Arrays.copyOf(c, Math.max(c.length, p + 1));
        c[p] = i + 1;
        clocks.add(c);
        processClocks.put(p, c);
      }
    }

    /**
     * The clock a process that has not run yet starts from: that of the step before it first
     * could run (the start that made it), or none if it could run from the first step;
     * {@code step} is the step being decided, where a process not seen before appears.
     */
    private int[] inherited(int p, int step) {
      int seen = step;
      for (int i = 0; i < step; i++) {
        if (stack.get(i).options.contains(p)) {
          seen = i;
          break;
        }
      }
      return seen == 0 ? new int[0] : clocks.get(seen - 1);
    }

    /**
     * Dynamic partial-order reduction with source sets (Abdulla, Aronis, Jonsson and Sagonas):
     * the last step {@code i} of the schedule so far that does not commute with {@code c} and
     * does not happen before {@code c}'s process races with it. To reverse the race, the search
     * must also try at step {@code i} a process that can start the steps after {@code i} that do
     * not depend on it, followed by {@code c}: each of their initials (a step nothing before it
     * among them happens before) that could run at step {@code i} is added, so that one asleep
     * there does not hide another; if none could run there, every process that could.
     */
    private void backtrackRace(int step, Candidate c) {
      int q = owner(c);
      int[] known = processClocks.get(q);
      if (known == null) {
        known = inherited(q, step);
      }
      for (int i = step - 1; i >= 0; i--) {
        Frame at = stack.get(i);
        Candidate t = at.taken();
        int p = owner(t);
        if (p == q || Commutes.of(t, c) || happensBefore(known, i, p)) {
          continue;
        }
        List<Integer> notAfter = new ArrayList<>(); // the steps after i that do not depend on it
        for (int j = i + 1; j < step; j++) {
          if (!happensBefore(clocks.get(j), i, p)) {
            notAfter.add(j);
          }
        }
        boolean any = false;
        for (int n = 0; n < notAfter.size(); n++) {
          int j = notAfter.get(n);
          if (initial(notAfter, n, clocks.get(j))) {
            any |= mark(at, stack.get(j).taken().process());
          }
        }
        if (initial(notAfter, notAfter.size(), known)) {
          any |= mark(at, c.process());
        }
        if (!any) {
          at.backtrack.set(0, at.options.size());
        }
        return;
      }
    }

    /** Whether no step among the first {@code n} of {@code steps} happens before {@code clock}. */
    private boolean initial(List<Integer> steps, int n, int[] clock) {
      for (int k = 0; k < n; k++) {
        int j = steps.get(k);
        if (happensBefore(clock, j, owner(stack.get(j).taken()))) {
          return false;
        }
      }
      return true;
    }

    /** Whether step {@code i}, of process {@code p}, happens before a step whose clock is given. */
    private boolean happensBefore(int[] clock, int i, int p) {
      return p < clock.length && clock[p] >= i + 1;
    }

    /** Adds {@code process} to the step's alternatives to explore, if it could run there. */
    private boolean mark(Frame at, int process) {
      int option = at.options.indexOf(process);
      if (option >= 0) {
        at.backtrack.set(option);
      }
      return option >= 0;
    }

    @Override
    public void finish(int steps) {
      if (steps < prefix) {
        throw new DivergenceException(steps, "exhaustive search replays the first " + prefix
            + (prefix == 1 ? " step" : " steps") + " of an earlier schedule, but this one ended"
            + " after " + steps + ": the scenario is not deterministic");
      }
    }

    private Frame last() {
      return stack.get(stack.size() - 1);
    }
  }

  private static int[] max(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, Math.max(a.length, b.length));
    for (int i = 0; i < b.length; i++) {
      out[i] = Math.max(out[i], b[i]);
    }
    return out;
  }
}
