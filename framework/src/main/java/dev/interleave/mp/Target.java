package dev.interleave.mp;

import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * The function a {@link Process} runs, as a serializable functional interface.
 *
 * <p>A child process receives a serialized copy of its target and arguments, so both must be
 * {@link Serializable}. A lambda or method reference assigned to one of these interfaces is
 * serializable when everything it captures is. Pick the interface by the number of arguments,
 * as CPython's {@code Process(target=f, args=(...))} takes a tuple:
 *
 * <pre>{@code
 * new Process(Example::func, 10).start();            // Target.One<Integer>
 * new Process((Lock lock, Integer n) -> work(lock, n), lock, 3).start();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Target {
  private Target() {}

  /** A target without arguments. */
  @FunctionalInterface
  public interface Zero extends Serializable {
    /** Runs in the child process. */
    void run() throws Exception;
  }

  /** A target taking one argument. */
  @FunctionalInterface
  public interface One<A> extends Serializable {
    /** Runs in the child process with a copy of the argument. */
    void run(A a) throws Exception;
  }

  /** A target taking two arguments. */
  @FunctionalInterface
  public interface Two<A, B> extends Serializable {
    /** Runs in the child process with copies of the arguments. */
    void run(A a, B b) throws Exception;
  }

  /** A target taking three arguments. */
  @FunctionalInterface
  public interface Three<A, B, C> extends Serializable {
    /** Runs in the child process with copies of the arguments. */
    void run(A a, B b, C c) throws Exception;
  }

  /** A target taking four arguments. */
  @FunctionalInterface
  public interface Four<A, B, C, D> extends Serializable {
    /** Runs in the child process with copies of the arguments. */
    void run(A a, B b, C c, D d) throws Exception;
  }
}
