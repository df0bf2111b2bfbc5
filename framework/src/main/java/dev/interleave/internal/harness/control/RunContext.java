package dev.interleave.internal.harness.control;

import dev.interleave.harness.Gen;
import dev.interleave.harness.History;
import dev.interleave.harness.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** One schedule as its body sees it; its invariants are evaluated by the harness. */
final class RunContext implements Run {
  /** An invariant: {@code judge} returns null when it holds, else what it saw. */
  private record Check(String name, java.util.function.Supplier<String> judge) {
    static Check of(String name, BooleanSupplier holds) {
      return new Check(name, () -> holds.getAsBoolean() ? null : "false");
    }

    static <T> Check of(String name, java.util.function.Supplier<T> value,
        java.util.function.Predicate<? super T> holds) {
      return new Check(name, () -> {
        T v = value.get();
        return holds.test(v) ? null : String.valueOf(v);
      });
    }
  }

  private String observed;
  private volatile java.util.function.Supplier<History> history = () -> History.of(List.of());
  private volatile boolean recorded;
  private volatile boolean historyRead;

  private final int schedule;
  private final ChoiceSource choices;
  private final Tally tally;
  private final List<Check> state = new CopyOnWriteArrayList<>();
  private final List<Check> finals = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
  private volatile Path tempDir;
  private volatile String outcome;
  private final List<String[]> inputs = new CopyOnWriteArrayList<>();

  RunContext(int schedule, ChoiceSource choices, Tally tally) {
    this.schedule = schedule;
    this.choices = choices;
    this.tally = tally;
  }

  @Override
  public int schedule() {
    return schedule;
  }

  @Override
  public synchronized Path tempDir() {
    if (tempDir == null) {
      try {
        tempDir = Files.createTempDirectory("interleave-run-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary directory", e);
      }
    }
    return tempDir;
  }

  @Override
  public <T> T draw(String name, Gen<T> gen) {
    T value = gen.generate(choices);
    inputs.add(new String[] {name, String.valueOf(value)});
    return value;
  }

  /** The inputs drawn so far, as name and value. */
  List<String[]> inputs() {
    return List.copyOf(inputs);
  }

  @Override
  public void invariant(String name, BooleanSupplier holds) {
    state.add(Check.of(name, holds));
  }

  @Override
  public void finalInvariant(String name, BooleanSupplier holds) {
    finals.add(Check.of(name, holds));
  }

  @Override
  public <T> void invariant(String name, java.util.function.Supplier<T> value,
      java.util.function.Predicate<? super T> holds) {
    state.add(Check.of(name, value, holds));
  }

  @Override
  public <T> void finalInvariant(String name, java.util.function.Supplier<T> value,
      java.util.function.Predicate<? super T> holds) {
    finals.add(Check.of(name, value, holds));
  }

  @Override
  public void traceInvariant(String name, java.util.function.Predicate<History> holds) {
    state.add(new Check(name, () -> {
      if (!recorded) {
        return null; // a stress run records no steps: nothing to judge
      }
      History h = history();
      return holds.test(h) ? null : h.size() == 0 ? "no step yet" : String.valueOf(h.last());
    }));
  }

  @Override
  public History history() {
    historyRead = true;
    return history.get();
  }

  /**
   * Whether what the body checks can tell equivalent schedules apart: it registered a state or
   * trace invariant (judged between steps, whose order equivalent schedules may swap) or read
   * the step history. The exhaustive search reduces only scenarios for which this is false.
   */
  boolean observesSteps() {
    return !state.isEmpty() || historyRead;
  }

  /** Where {@link #history()} reads the steps so far (set by the schedule's stepper). */
  void historyFrom(java.util.function.Supplier<History> steps) {
    this.history = steps;
    this.recorded = true;
  }

  /**
   * What the last violated invariant saw, as a clause for messages ({@code "; it saw 1"}), or
   * the empty string for a plain true/false invariant.
   */
  String observed() {
    return observedValue() == null ? "" : "; it saw " + observed;
  }

  /** The value the last violated invariant judged, or null if it judged no value. */
  String observedValue() {
    return observed == null || observed.equals("false") ? null : observed;
  }

  @Override
  public void onEnd(AutoCloseable resource) {
    resources.add(resource);
  }

  @Override
  public void outcome(Object value) {
    this.outcome = String.valueOf(value);
  }

  String outcome() {
    return outcome;
  }

  ChoiceSource choices() {
    return choices;
  }

  /** Checks the state invariants; returns the first violated one's name, or null. */
  String checkState() {
    return check(state, true);
  }

  /** Checks the final invariants; returns the first violated one's name, or null. */
  String checkFinal() {
    return check(finals, false);
  }

  private String check(List<Check> checks, boolean isState) {
    for (Check c : checks) {
      String saw;
      try {
        saw = c.judge.get();
      } catch (RuntimeException e) {
        saw = "an exception: " + e; // a check that throws is violated, and says why
      }
      tally.count(c.name, isState, saw == null);
      if (saw != null) {
        observed = saw;
        return c.name;
      }
    }
    return null;
  }

  /** Closes the registered resources and deletes the temporary directory, if one was made. */
  void cleanup() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // a resource that fails to close must not hide the schedule's result
      }
    }
    Path dir = tempDir;
    if (dir == null) {
      return;
    }
    TempDirs.deleteLater(dir); // off the schedule's path: the next one makes its own
  }
}
