package dev.interleave.internal.harness.options;

import static dev.interleave.internal.harness.options.Overrides.named;
import static dev.interleave.internal.harness.options.Overrides.oneOf;

import dev.interleave.harness.Expect;
import dev.interleave.harness.FindingKind;
import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Strategy;
import dev.interleave.internal.harness.model.ReplayToken;
import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reads and validates a test's options: each {@link InterleaveTest} attribute unless a JUnit
 * configuration parameter or system property named in {@link InterleaveProperties} overrides
 * it (the override wins), then the defaults. A zero seed, left so, picks one per test run.
 */
public final class OptionsReader {
  /** Kept for callers that name the overrides here; see {@link InterleaveProperties}. */
  public static final String SCHEDULES = InterleaveProperties.SCHEDULES;
  static final String SEED = InterleaveProperties.SEED;
  static final String TIMEOUT = InterleaveProperties.TIMEOUT_MILLIS;
  public static final String STRATEGY = InterleaveProperties.STRATEGY;
  static final String REPLAY = InterleaveProperties.REPLAY;
  private static final long SESSION_SEED = new SecureRandom().nextLong() & Long.MAX_VALUE;

  private OptionsReader() {}

  public static RunOptions read(ExtensionContext context) {
    Method m = context.getRequiredTestMethod();
    InterleaveTest a = m.getAnnotation(InterleaveTest.class);
    Overrides o = new Overrides(context);
    int schedules = o.value(SCHEDULES, "schedules", a.schedules(), Integer::valueOf, "an int",
        "> 0", v -> v > 0);
    int depth = o.value(InterleaveProperties.PCT_DEPTH, "pctDepth", a.pctDepth(),
        Integer::valueOf, "an int", ">= 1", v -> v >= 1);
    int bound = o.value(InterleaveProperties.PREEMPTION_BOUND, "preemptionBound",
        a.preemptionBound(), Integer::valueOf, "an int", ">= 0", v -> v >= 0);
    long timeout = o.value(TIMEOUT, "timeoutMillis", a.timeoutMillis(), Long::valueOf, "a long",
        "> 0", v -> v > 0);
    long seed = o.value(SEED, "seed", a.seed(), Long::valueOf, "a long", "", v -> true);
    Mode mode = o.value(InterleaveProperties.MODE, "mode", a.mode(), named(Mode.class),
        oneOf(Mode.class), "", v -> true);
    Strategy strategy = a.strategy();
    if (o.raw(STRATEGY).filter(s -> s.equalsIgnoreCase("stress")).isPresent()) {
      mode = Mode.STRESS;
    } else {
      strategy = o.value(STRATEGY, "strategy", a.strategy(), named(Strategy.class),
          oneOf(Strategy.class, "stress"), "", v -> true);
    }
    RunOptions options = new RunOptions(strategy, mode, schedules, seed == 0 ? SESSION_SEED : seed,
        depth, bound, timeout, expectation(a, o), finding(a, o), invariant(a, o),
        o.value(InterleaveProperties.SHRINK, "shrink", a.shrink(), Overrides::bool,
            "true or false", "", v -> true), null, RunOptions.DEFAULT_MAX_STEPS,
        o.value(InterleaveProperties.CRASHES, "crashes", a.crashes(), Integer::valueOf, "an int",
            ">= 0", v -> v >= 0),
        o.value(InterleaveProperties.REDUCE, "reduce", a.reduce(), Overrides::bool,
            "true or false", "", v -> true));
    return withReplay(options, a, o, m);
  }

  /** Whether exploration stops at the first failure: the attribute, unless overridden. */
  public static boolean stopAtFirst(ExtensionContext context) {
    InterleaveTest a = context.getRequiredTestMethod().getAnnotation(InterleaveTest.class);
    return new Overrides(context).value(InterleaveProperties.STOP_AT_FIRST, "stopAtFirst",
        a.stopAtFirst(), Overrides::bool, "true or false", "", v -> true);
  }

  /**
   * How many stress runs stress against control sets beside the exploration: the attribute
   * unless overridden, and 0 for a replay or a stress-mode run.
   */
  public static int crossCheck(ExtensionContext context, RunOptions options) {
    InterleaveTest a = context.getRequiredTestMethod().getAnnotation(InterleaveTest.class);
    Overrides o = new Overrides(context);
    if (a.crossCheck() > 0 && a.mode() != Mode.CONTROLLED) {
      throw new ExtensionConfigurationException("@InterleaveTest method [" + o.methodName()
          + "] must declare mode = CONTROLLED when it declares crossCheck but was: " + a.mode());
    }
    int runs = o.value(InterleaveProperties.CROSS_CHECK, "crossCheck", a.crossCheck(),
        Integer::valueOf, "an int", ">= 0", v -> v >= 0);
    return options.controlled() && options.replay() == null ? runs : 0;
  }

  private static Expect expectation(InterleaveTest a, Overrides o) {
    if (a.expect() == Expect.PASS && (a.finding() != FindingKind.INVARIANT
        || !a.invariant().isEmpty())) {
      throw new ExtensionConfigurationException("@InterleaveTest method [" + o.methodName()
          + "] must declare expect = VIOLATION when it names a finding or an invariant but was: "
          + a.expect());
    }
    return o.value(InterleaveProperties.EXPECT, "expect", a.expect(), named(Expect.class),
        oneOf(Expect.class), "", v -> true);
  }

  private static FindingKind finding(InterleaveTest a, Overrides o) {
    return o.value(InterleaveProperties.FINDING, "finding", a.finding(), named(FindingKind.class),
        oneOf(FindingKind.class), "", v -> true);
  }

  private static String invariant(InterleaveTest a, Overrides o) {
    String name = o.value(InterleaveProperties.INVARIANT, "invariant", a.invariant(), s -> s,
        "an invariant's name", "", v -> true);
    FindingKind kind = finding(a, o);
    if (!name.isEmpty() && kind != FindingKind.INVARIANT) {
      throw new ExtensionConfigurationException("@InterleaveTest method [" + o.methodName()
          + "] must declare finding = INVARIANT when it names invariant \"" + name
          + "\" but was: " + kind);
    }
    return name;
  }

  private static RunOptions withReplay(RunOptions options, InterleaveTest a, Overrides o,
      Method m) {
    String replay = o.raw(REPLAY).orElse(a.replay());
    if (replay.isBlank()) {
      return options;
    }
    try {
      return options.withReplay(ReplayToken.parse(replay));
    } catch (IllegalArgumentException e) {
      String where = o.raw(REPLAY).isPresent() ? "configuration parameter " + REPLAY + " must be"
          : "@InterleaveTest method [" + m.getName() + "] must declare replay as";
      throw new ExtensionConfigurationException(where + " <seed>:<decisions>[:<draws>[:...]]"
          + " but was: " + replay, e);
    }
  }

  public static String describe(RunOptions o) {
    if (o.replay() != null) {
      return "replay " + o.replay().format();
    }
    return o.mode() == Mode.STRESS
        ? "stress, " + o.schedules() + " runs, seed " + o.seed()
        : o.strategy().name().toLowerCase(Locale.ROOT) + ", " + o.schedules()
            + " schedules, seed " + o.seed()
            + (o.crashes() > 0 ? ", crashes " + o.crashes() : "");
  }
}
