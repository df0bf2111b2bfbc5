package dev.interleave.mp;

import dev.interleave.internal.runtime.Bootstrap;
import dev.interleave.internal.runtime.Serialization;
import java.nio.file.Path;

/**
 * Runs a deserialized {@link Process} in a child JVM, for the runtime's bootstrap (which knows
 * no type of this package); installed when {@link Process} is initialized.
 */
final class ProcessBootstrap implements Bootstrap {
  private static final int PRIME_ROUNDS = 3;

  static {
    Bootstrap.install(new ProcessBootstrap());
  }

  private ProcessBootstrap() {}

  /** Installs the bootstrap (class initialization does it once). */
  static void ensureInstalled() {
    // the static initializer ran
  }

  @Override
  public void run(Object process, boolean task) throws Exception {
    if (!(process instanceof Process p)) {
      throw new IllegalArgumentException("a child's payload must be a Process but was a "
          + (process == null ? "null" : process.getClass().getName()));
    }
    if (task) {
      Process.runAsTask(p);
    } else {
      Process.runAsCurrent(p);
    }
  }

  /** Serialization, lambda deserialization and the process classes, exercised a few times. */
  @Override
  public void prime() throws Exception {
    ClassLoader loader = ProcessBootstrap.class.getClassLoader();
    for (int round = 0; round < PRIME_ROUNDS; round++) {
      Target.Zero zero = ProcessBootstrap::primed;
      Target.One<String> one = ProcessBootstrap::primed;
      Target.Two<String, Integer> two = (a, b) -> primed();
      ((Target.Zero) Serialization.deserialize(Serialization.serialize(zero), loader)).run();
      ((Target.One<?>) Serialization.deserialize(Serialization.serialize(one), loader)).getClass();
      ((Target.Two<?, ?>) Serialization.deserialize(Serialization.serialize(two), loader))
          .getClass();
    }
    Process sample = new Process(ProcessBootstrap::primed, Path.of("."));
    Serialization.deserialize(Serialization.serialize(sample), loader);
  }

  private static void primed(Object ignored) {
    primed();
  }

  private static void primed() {
    // nothing: deserializing and calling it is the point
  }
}
