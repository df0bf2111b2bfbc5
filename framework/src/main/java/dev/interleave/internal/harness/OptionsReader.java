package dev.interleave.internal.harness;

import dev.interleave.harness.InterleaveTest;
import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reads and validates a test's options: the annotation first, then JUnit configuration
 * parameters (which also see system properties), then the defaults.
 */
final class OptionsReader {
  /** Overrides {@link InterleaveTest#schedules()} for every test of a run. */
  static final String SCHEDULES = "interleave.schedules";
  /** Overrides a zero {@link InterleaveTest#seed()}. */
  static final String SEED = "interleave.seed";
  /** Overrides {@link InterleaveTest#timeoutMillis()}. */
  static final String TIMEOUT = "interleave.timeoutMillis";
  /**
   * Overrides {@link InterleaveTest#strategy()} and {@link InterleaveTest#mode()}: {@code random},
   * {@code pct}, {@code pos}, {@code exhaustive} (controlled) or {@code stress}.
   */
  static final String STRATEGY = "interleave.strategy";
  /** Replays one schedule: a replay token. */
  static final String REPLAY = "interleave.replay";
  private static final long SESSION_SEED = new SecureRandom().nextLong() & Long.MAX_VALUE;

  private OptionsReader() {}

  static RunOptions read(ExtensionContext context) {
    Method m = context.getRequiredTestMethod();
    InterleaveTest a = m.getAnnotation(InterleaveTest.class);
    int schedules = param(context, SCHEDULES).map(Integer::parseInt).orElse(a.schedules());
    require(m, "schedules > 0", "schedules", schedules, schedules > 0);
    require(m, "pctDepth >= 1", "pctDepth", a.pctDepth(), a.pctDepth() >= 1);
    require(m, "preemptionBound >= 0", "preemptionBound", a.preemptionBound(),
        a.preemptionBound() >= 0);
    long timeout = param(context, TIMEOUT).map(Long::parseLong).orElse(a.timeoutMillis());
    require(m, "timeoutMillis > 0", "timeoutMillis", timeout, timeout > 0);
    long seed = a.seed() != 0 ? a.seed()
        : param(context, SEED).map(Long::parseLong).orElse(SESSION_SEED);
    dev.interleave.harness.Strategy strategy = a.strategy();
    dev.interleave.harness.Mode mode = a.mode();
    Optional<String> override = param(context, STRATEGY).map(String::trim);
    if (override.isPresent()) {
      String v = override.get().toUpperCase(java.util.Locale.ROOT);
      boolean stress = v.equals("STRESS");
      boolean known = stress || java.util.Arrays.stream(dev.interleave.harness.Strategy.values())
          .anyMatch(st -> st.name().equals(v));
      if (!known) {
        throw new ExtensionConfigurationException("configuration parameter " + STRATEGY
            + " must be one of random, pct, pos, exhaustive, stress but was: " + override.get());
      }
      mode = stress ? dev.interleave.harness.Mode.STRESS : dev.interleave.harness.Mode.CONTROLLED;
      strategy = stress ? strategy : dev.interleave.harness.Strategy.valueOf(v);
    }
    RunOptions options = new RunOptions(strategy, mode, schedules, seed, a.pctDepth(),
        a.preemptionBound(), timeout, a.expect(), a.shrink(), null, RunOptions.DEFAULT_MAX_STEPS);
    String replay = !a.replay().isBlank() ? a.replay() : System.getProperty(REPLAY, "");
    if (!replay.isBlank()) {
      try {
        options = options.withReplay(ReplayToken.parse(replay));
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException("@InterleaveTest method [" + m.getName()
            + "] must declare replay as <seed>:<decisions>[:<draws>] but was: " + replay, e);
      }
    }
    return options;
  }

  private static Optional<String> param(ExtensionContext context, String key) {
    return context.getConfigurationParameter(key).filter(s -> !s.isBlank());
  }

  private static void require(Method m, String rule, String element, Object value, boolean ok) {
    if (!ok) {
      throw new ExtensionConfigurationException("@InterleaveTest method [" + m.getName()
          + "] must declare " + rule + " but was: " + value);
    }
  }

  static String describe(RunOptions o) {
    if (o.replay() != null) {
      return "replay " + o.replay().format();
    }
    return o.mode() == dev.interleave.harness.Mode.STRESS
        ? "stress, " + o.schedules() + " runs, seed " + o.seed()
        : o.strategy().name().toLowerCase(java.util.Locale.ROOT) + ", " + o.schedules()
            + " schedules, seed " + o.seed();
  }
}
