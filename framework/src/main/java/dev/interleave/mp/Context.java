package dev.interleave.mp;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A start method with the factories of the runtime's objects, as CPython's {@code
 * multiprocessing.get_context()}: {@code Context.get("spawn").process(...)} starts its process
 * in a fresh JVM, {@code Context.get("forkserver")} in a warm JVM from the pool (the default).
 *
 * <pre>{@code
 * Context ctx = Context.get("spawn");
 * Queue<String> q = ctx.queue();
 * Process p = ctx.process(Worker::run, q);
 * p.start();
 * }</pre>
 *
 * <p>Primitives and queues are the same whatever the context (they live in shared memory); only
 * processes differ. {@link #setStartMethod} sets the default start method once per JVM, as
 * CPython's {@code set_start_method}. Contexts are immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Context {
  private static final Object DEFAULT_LOCK = new Object();
  private static StartMethod defaultMethod;

  private final StartMethod method;

  private Context(StartMethod method) {
    this.method = method;
  }

  /**
   * The context of the start method {@code method}: {@code "spawn"} or {@code "forkserver"}.
   *
   * @throws IllegalArgumentException for any other name, naming it and the valid ones
   */
  public static Context get(String method) {
    return new Context(StartMethod.of(method));
  }

  /** The default context (CPython's {@code get_context()}): {@code forkserver} unless set. */
  public static Context get() {
    synchronized (DEFAULT_LOCK) {
      if (defaultMethod == null) {
        defaultMethod = StartMethod.FORKSERVER;
      }
      return new Context(defaultMethod);
    }
  }

  /**
   * Sets the default start method; once, as CPython's {@code set_start_method}.
   *
   * @throws IllegalStateException if it was already set or the default context was used
   * @throws IllegalArgumentException for an unknown method
   */
  public static void setStartMethod(String method) {
    setStartMethod(method, false);
  }

  /**
   * Sets the default start method; {@code force} allows setting it again.
   *
   * @throws IllegalStateException if it was already set (or used) and {@code force} is false
   * @throws IllegalArgumentException for an unknown method
   */
  public static void setStartMethod(String method, boolean force) {
    StartMethod m = StartMethod.of(method);
    synchronized (DEFAULT_LOCK) {
      if (defaultMethod != null && !force) {
        throw new IllegalStateException("the start method has already been set (to \""
            + defaultMethod.pythonName() + "\"); pass force = true to change it");
      }
      defaultMethod = m;
    }
  }

  /** The default start method's name (fixing it to {@code forkserver} if unset, as CPython). */
  public static String getStartMethod() {
    return get().startMethod();
  }

  /** Every start method's name: {@code [spawn, forkserver]}. */
  public static List<String> allStartMethods() {
    return StartMethod.names();
  }

  /** The process objects that {@link Process#Process(Target.Zero)} makes use this default. */
  static StartMethod defaultMethod() {
    synchronized (DEFAULT_LOCK) {
      return defaultMethod == null ? StartMethod.FORKSERVER : defaultMethod;
    }
  }

  /** This context's start method's name. */
  public String startMethod() {
    return method.pythonName();
  }

  /** A process of this context running {@code target}. */
  public Process process(Target.Zero target) {
    return new Process(target).startMethod(method);
  }

  /** A process of this context running {@code target(a)}. */
  public <A> Process process(Target.One<A> target, A a) {
    return new Process(target, a).startMethod(method);
  }

  /** A process of this context running {@code target(a, b)}. */
  public <A, B> Process process(Target.Two<A, B> target, A a, B b) {
    return new Process(target, a, b).startMethod(method);
  }

  /** A process of this context running {@code target(a, b, c)}. */
  public <A, B, C> Process process(Target.Three<A, B, C> target, A a, B b, C c) {
    return new Process(target, a, b, c).startMethod(method);
  }

  /** A process of this context running {@code target(a, b, c, d)}. */
  public <A, B, C, D> Process process(Target.Four<A, B, C, D> target, A a, B b, C c, D d) {
    return new Process(target, a, b, c, d).startMethod(method);
  }

  /** {@code new Lock()}. */
  public Lock lock() {
    return new Lock();
  }

  /** {@code new RLock()}. */
  public RLock rLock() {
    return new RLock();
  }

  /** {@code new Semaphore(permits)}. */
  public Semaphore semaphore(int permits) {
    return new Semaphore(permits);
  }

  /** {@code new BoundedSemaphore(permits)}. */
  public BoundedSemaphore boundedSemaphore(int permits) {
    return new BoundedSemaphore(permits);
  }

  /** {@code new Event()}. */
  public Event event() {
    return new Event();
  }

  /** {@code new Condition()} (over a new RLock). */
  public Condition condition() {
    return new Condition();
  }

  /** {@code new Condition(lock)}. */
  public Condition condition(Lock lock) {
    return new Condition(lock);
  }

  /** {@code new Barrier(parties)}. */
  public Barrier barrier(int parties) {
    return new Barrier(parties);
  }

  /** {@code new Queue<>()}: unbounded. */
  public <T> Queue<T> queue() {
    return new Queue<>();
  }

  /** {@code new Queue<>(maxsize)}. */
  public <T> Queue<T> queue(int maxsize) {
    return new Queue<>(maxsize);
  }

  /** {@code new SimpleQueue<>()}. */
  public <T> SimpleQueue<T> simpleQueue() {
    return new SimpleQueue<>();
  }

  /** {@code new JoinableQueue<>()}. */
  public <T> JoinableQueue<T> joinableQueue() {
    return new JoinableQueue<>();
  }

  /** {@code Pipe.open()}: a duplex pipe. */
  public Pipe pipe() {
    return Pipe.open();
  }

  /** {@code Pipe.open(duplex)}. */
  public Pipe pipe(boolean duplex) {
    return Pipe.open(duplex);
  }

  /** {@link Process#cpuCount()}. */
  public int cpuCount() {
    return Process.cpuCount();
  }

  @Override
  public String toString() {
    return "Context[" + method.pythonName() + "]";
  }
}
