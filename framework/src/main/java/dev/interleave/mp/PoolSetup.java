package dev.interleave.mp;

import dev.interleave.internal.pool.Chunk;
import dev.interleave.internal.pool.PoolCore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Argument checks and conversions shared by {@link Pool} and {@link ProcessPoolExecutor}. */
final class PoolSetup {
  private PoolSetup() {}

  static PoolCore start(int processes, TaskCall initializer, Object[] initArgs, int maxTasks) {
    if (processes < 1) {
      throw new IllegalArgumentException("Number of processes must be at least 1 but was: "
          + processes);
    }
    if (maxTasks < 0) {
      throw new IllegalArgumentException("maxTasksPerChild must be positive, or 0 for no limit,"
          + " but was: " + maxTasks);
    }
    if (initializer != null) {
      String problem = dev.interleave.internal.runtime.Serialization.problem(initializer);
      if (problem != null) {
        throw new IllegalArgumentException("the pool's initializer cannot be serialized: "
            + problem);
      }
      encodeOne(initArgs);
    }
    return new PoolCore(processes, new PoolCore.Settings(initializer, initArgs, maxTasks),
        PoolWorker::start);
  }

  /** Fails unless the pool accepts tasks: {@link IllegalStateException}, or {@link BrokenPoolException}. */
  static void checkRunning(PoolCore core) {
    try {
      core.checkRunning();
    } catch (PoolCore.BrokenException e) {
      throw broken(e);
    }
  }

  static void submit(PoolCore core, dev.interleave.internal.pool.Source source) {
    try {
      core.submit(source);
    } catch (PoolCore.BrokenException e) {
      throw broken(e);
    }
  }

  static BrokenPoolException broken(PoolCore.BrokenException e) {
    return (BrokenPoolException) PoolFailures.toException(e.failure());
  }

  /** CPython's default: {@code ceil(tasks / (4 * processes))}, 0 for no tasks. */
  static int defaultChunksize(int tasks, int processes) {
    if (tasks == 0) {
      return 0;
    }
    int size = tasks / (processes * 4);
    return tasks % (processes * 4) != 0 ? size + 1 : size;
  }

  static void checkChunksize(int chunksize) {
    if (chunksize < 1) {
      throw new IllegalArgumentException("chunksize must be 1+, not " + chunksize);
    }
  }

  /** The arguments of one task, encoded; naming the argument that cannot be serialized. */
  static byte[] encodeOne(Object[] args) {
    try {
      return Chunk.encode(List.<Object[]>of(args));
    } catch (IllegalArgumentException e) {
      for (int i = 0; i < args.length; i++) {
        String problem = dev.interleave.internal.runtime.Serialization.problem(args[i]);
        if (problem != null) {
          throw new IllegalArgumentException("argument " + (i + 1) + " of the task cannot be"
              + " serialized: " + problem + " (a worker receives a serialized copy)", e);
        }
      }
      throw e;
    }
  }

  static List<Object[]> single(Iterable<?> iterable) {
    Objects.requireNonNull(iterable, "iterable");
    List<Object[]> args = new ArrayList<>();
    for (Object o : iterable) {
      args.add(new Object[] {o});
    }
    return args;
  }

  static List<Object[]> star(Iterable<? extends List<?>> argLists) {
    Objects.requireNonNull(argLists, "argLists");
    List<Object[]> args = new ArrayList<>();
    for (List<?> l : argLists) {
      if (l.size() > 255) {
        throw new IllegalArgumentException("a task takes at most 255 arguments but was given "
            + l.size());
      }
      args.add(l.toArray());
    }
    return args;
  }

  /** Joins the pool's workers; under a harness, blocks on the pool until they have exited. */
  static boolean join(PoolCore core, PoolWait wait, Duration timeout) throws InterruptedException {
    if (core.state() == PoolCore.State.RUN) {
      core.join(Duration.ZERO);
    }
    if (!wait.until(core::allExited, timeout)) {
      return false;
    }
    return core.join(timeout);
  }
}
