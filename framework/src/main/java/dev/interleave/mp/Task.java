package dev.interleave.mp;

import java.io.Serializable;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;

/**
 * A function a {@link Pool} worker calls, as a serializable functional interface that returns a
 * value (a {@link Target} returns nothing).
 *
 * <p>A worker receives a serialized copy of the function and of its arguments, and the caller
 * receives a serialized copy of what it returns, so all three must be {@link Serializable}. A
 * lambda or method reference assigned to one of these interfaces is serializable when everything
 * it captures is. Pick the interface by the number of arguments:
 *
 * <pre>{@code
 * static int square(int x) { return x * x; }
 * pool.map(Example::square, List.of(1, 2, 3));          // Task.One<Integer, Integer>
 * pool.apply((Integer a, Integer b) -> a + b, 1, 2);     // Task.Two
 * executor.submit((Task.Zero<String>) () -> "hello");    // a Callable as well
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Task {
  private Task() {}

  /** A function without arguments; it is also a {@link Callable}, for {@link ProcessPoolExecutor}. */
  @FunctionalInterface
  public interface Zero<R> extends Callable<R>, Serializable {
    /** Runs in a worker process and returns its result. */
    @Override
    R call() throws Exception;
  }

  /** A function of one argument. */
  @FunctionalInterface
  public interface One<A, R> extends Serializable {
    /** Runs in a worker process on a copy of the argument. */
    R call(A a) throws Exception;
  }

  /** A function of two arguments. */
  @FunctionalInterface
  public interface Two<A, B, R> extends Serializable {
    /** Runs in a worker process on copies of the arguments. */
    R call(A a, B b) throws Exception;
  }

  /** A function of three arguments. */
  @FunctionalInterface
  public interface Three<A, B, C, R> extends Serializable {
    /** Runs in a worker process on copies of the arguments. */
    R call(A a, B b, C c) throws Exception;
  }

  /**
   * A function of any number of arguments, given as a list: what {@link Pool#starmap(Star,
   * Iterable)} calls with each argument list, as CPython's {@code starmap} calls {@code f(*args)}.
   */
  @FunctionalInterface
  public interface Star<R> extends Serializable {
    /** Runs in a worker process on a copy of the argument list. */
    R call(java.util.List<Object> args) throws Exception;
  }
}
