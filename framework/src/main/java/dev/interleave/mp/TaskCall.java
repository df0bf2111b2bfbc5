package dev.interleave.mp;

import dev.interleave.internal.pool.PoolFunction;
import java.io.Serializable;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** A user's task or initializer adapted to the one shape a pool worker calls. */
record TaskCall(Kind kind, Serializable fn) implements PoolFunction {
  private static final long serialVersionUID = 1L;

  enum Kind { ZERO, ONE, TWO, THREE, STAR, TARGET_ZERO, TARGET_ONE, CALLABLE, RUNNABLE }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object apply(Object[] a) throws Exception {
    return switch (kind) {
      case ZERO -> ((Task.Zero) fn).call();
      case ONE -> ((Task.One) fn).call(a[0]);
      case TWO -> ((Task.Two) fn).call(a[0], a[1]);
      case THREE -> ((Task.Three) fn).call(a[0], a[1], a[2]);
      case STAR -> ((Task.Star) fn).call(Arrays.asList(a));
      case TARGET_ZERO -> {
        ((Target.Zero) fn).run();
        yield null;
      }
      case TARGET_ONE -> {
        ((Target.One) fn).run(a[0]);
        yield null;
      }
      case CALLABLE -> ((Callable) fn).call();
      case RUNNABLE -> {
        ((Runnable) fn).run();
        yield null;
      }
    };
  }

  @Override
  public Object identity() {
    return fn;
  }

  static TaskCall of(Kind kind, Object fn) {
    if (fn == null) {
      throw new NullPointerException("the task function must not be null");
    }
    if (!(fn instanceof Serializable s)) {
      throw new IllegalArgumentException("the task function of " + fn.getClass().getName()
          + " is not Serializable: use a serializable lambda or method reference (a Task"
          + " interface), since a worker receives a serialized copy of it");
    }
    return new TaskCall(kind, s);
  }
}
