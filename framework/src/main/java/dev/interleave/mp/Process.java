package dev.interleave.mp;

import dev.interleave.internal.ipc.HandOffs;
import dev.interleave.internal.runtime.Child;
import dev.interleave.internal.runtime.ChildHandle;
import dev.interleave.internal.runtime.Children;
import dev.interleave.internal.runtime.LaunchException;
import dev.interleave.internal.runtime.Launcher;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.runtime.ProcessContext;
import dev.interleave.internal.runtime.Serialization;
import dev.interleave.internal.sync.HeldAtExit;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A process: a target run in a child JVM, as CPython's {@code multiprocessing.Process}.
 *
 * <p>Create one from a {@link Target} and its arguments, or subclass it and override {@link
 * #run()} (calling a {@code Process} constructor first, as the article's section 2.2 says).
 * {@link #start()} launches a child JVM with this JVM's {@code java} and class path; the child
 * deserializes a copy of this object and calls {@link #run()}. Nothing else of the parent's
 * memory reaches the child.
 *
 * <pre>{@code
 * Process p = new Process(Example::func, 10);
 * p.start();
 * p.join();
 * System.out.println(p.exitCode());   // OptionalInt[0]
 * }</pre>
 *
 * <p><b>Lifecycle.</b> {@code NEW → STARTED → CLOSED}. {@code start()} is allowed once;
 * {@code join}, {@code terminate}, {@code kill} need a started process; every method but {@link
 * #name()} throws {@link IllegalStateException} after {@link #close()}. Misuse is reported with
 * the process's name and state.
 *
 * <p><b>Exit codes</b> as CPython reports them: 0 when {@code run} returned, 1 when it threw
 * (the child prints the stack trace on its stderr, which appears on the parent's), the argument
 * of {@code System.exit(n)}, and {@code -N} when the child was killed by signal N (a JVM's
 * 128+N status is reported as {@code -N} unless the child reported that it exited, so {@code
 * System.exit(130)} gives 130; {@code Runtime.halt} and a JVM crash count as signals).
 *
 * <p><b>Daemons.</b> When the root JVM exits (its {@code main} thread and every other
 * non-daemon thread ended, or {@code System.exit} was called), daemonic children are
 * terminated, and the JVM waits for the non-daemonic ones before it exits, as CPython's exit
 * handler does; a child process does the same when its {@code run} returns. A daemonic
 * process cannot start children. If a parent JVM dies, even by {@code kill -9}, its children
 * notice within a few milliseconds (their standard input reaches end-of-file) and exit.
 *
 * <p><b>Output.</b> A child's stdout and stderr are copied to the parent's {@link System#out}
 * and {@link System#err}; {@link #join()} returns only after the child's output was copied.
 *
 * <p><b>Thread safety.</b> Methods may be called from any thread of the parent.
 */
@API(status = API.Status.EXPERIMENTAL)
public class Process implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The lifecycle of a {@code Process} object in its parent. */
  public enum State {
    /** Created, not started. */
    NEW,
    /** Started: the child runs or has exited. */
    STARTED,
    /** Closed: resources released; the object is unusable. */
    CLOSED
  }

  static {
    ProcessBootstrap.ensureInstalled();
  }

  private final Call call;
  private String name;
  private boolean daemon;
  private byte[] authkey;
  private transient StartMethod startMethod;
  private transient Child asChild;

  private transient volatile State state = State.NEW;
  private transient volatile ChildHandle jvm;
  private transient boolean current;

  /** For subclasses that override {@link #run()}; the name defaults to {@code Process-N}. */
  protected Process() {
    this((Call) null);
  }

  /** A process that runs {@code target}. */
  public Process(Target.Zero target) {
    this(new Call(nonNull(target), new Object[0]));
  }

  /** A process that runs {@code target(a)} on a copy of {@code a}. */
  public <A> Process(Target.One<A> target, A a) {
    this(new Call(nonNull(target), new Object[] {a}));
  }

  /** A process that runs {@code target(a, b)} on copies of the arguments. */
  public <A, B> Process(Target.Two<A, B> target, A a, B b) {
    this(new Call(nonNull(target), new Object[] {a, b}));
  }

  /** A process that runs {@code target(a, b, c)} on copies of the arguments. */
  public <A, B, C> Process(Target.Three<A, B, C> target, A a, B b, C c) {
    this(new Call(nonNull(target), new Object[] {a, b, c}));
  }

  /** A process that runs {@code target(a, b, c, d)} on copies of the arguments. */
  public <A, B, C, D> Process(Target.Four<A, B, C, D> target, A a, B b, C c, D d) {
    this(new Call(nonNull(target), new Object[] {a, b, c, d}));
  }

  private Process(Call call) {
    this.call = call;
    this.name = ProcessContext.nextChildName();
    this.authkey = ProcessContext.authkey();
  }

  private static <T> T nonNull(T target) {
    if (target == null) {
      throw new IllegalArgumentException("target must not be null");
    }
    return target;
  }

  /**
   * The process's activity, run in the child. The default calls the target with its arguments;
   * subclasses override it.
   *
   * @throws Exception anything; the child then prints it and exits with code 1
   */
  public void run() throws Exception {
    if (call == null) {
      throw new IllegalStateException(name + " has no target: a Process subclass must override run()");
    }
    call.invoke();
  }

  /** The name; {@code Process-N} unless set (CPython's naming, {@code Process-1:2} in a child). */
  public final String name() {
    return name;
  }

  /** Sets the name (before or after start, as CPython allows). Returns this process. */
  public final Process setName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank but was: " + name);
    }
    checkNotClosed("set the name of");
    this.name = name;
    return this;
  }

  /** Whether this process is daemonic. */
  public final boolean isDaemon() {
    return daemon;
  }

  /**
   * Makes this process daemonic or not; only before {@link #start()}. Returns this process.
   *
   * @throws IllegalStateException if the process was started or closed
   */
  public final Process setDaemon(boolean daemon) {
    if (state != State.NEW) {
      throw new IllegalStateException("cannot set daemon of " + describe() + ": only before start()");
    }
    this.daemon = daemon;
    return this;
  }

  /** The lifecycle state of this object in the parent. */
  public final State state() {
    return current ? State.STARTED : state;
  }

  /**
   * Starts the child JVM and returns; the target runs there on copies of target and arguments.
   *
   * @throws IllegalStateException if already started or closed, or if called in a daemonic
   *     process ("daemonic processes are not allowed to have children")
   * @throws IllegalArgumentException if the target or an argument cannot be serialized, naming
   *     its class
   * @throws ProcessStartException if the child JVM cannot be launched
   */
  public final synchronized void start() {
    if (state != State.NEW || current) {
      throw new IllegalStateException("cannot start " + describe() + ": start() may be called once");
    }
    if (ProcessContext.current().daemon()) {
      throw new IllegalStateException("cannot start " + name + ": daemonic processes are not"
          + " allowed to have children (" + ProcessContext.current().name() + " is daemonic)");
    }
    try (HandOffs.Batch handOffs = HandOffs.begin()) {
      byte[] payload = serializeForChild();
      Points.point(Op.START, "process:" + name, name);
      StartMethod method = startMethod != null ? startMethod : Context.defaultMethod();
      jvm = Launcher.launch(name, daemon, payload, method == StartMethod.SPAWN);
      handOffs.deliverTo(jvm.pid());
    } catch (LaunchException e) {
      throw ProcessStartException.from(e);
    }
    state = State.STARTED;
    asChild = new AsChild();
    Children.register(asChild, jvm.keepsParentAlive());
  }

  /** Sets the start method of a process made by a {@link Context}. */
  final Process startMethod(StartMethod method) {
    this.startMethod = method;
    return this;
  }

  private byte[] serializeForChild() {
    try {
      return Serialization.serialize(this);
    } catch (IllegalArgumentException e) {
      String culprit = call == null ? null : call.findUnserializable();
      throw new IllegalArgumentException("cannot start " + name + ": "
          + (culprit != null ? culprit : e.getMessage())
          + " (a child receives a serialized copy of its target and arguments)", e);
    }
  }

  /** Waits for the child to exit. */
  public final void join() throws InterruptedException {
    join(null);
  }

  /**
   * Waits at most {@code timeout} for the child to exit (CPython's {@code join(timeout)}).
   *
   * @return whether the child has exited (CPython returns nothing; check {@link #exitCode()})
   * @throws IllegalStateException if the process was not started or is closed
   * @throws IllegalArgumentException if the timeout is negative
   * @throws ProcessStartException if the child JVM exited before reaching the bootstrap
   */
  public final boolean join(Duration timeout) throws InterruptedException {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative but was: " + timeout);
    }
    ChildHandle j = started("join");
    String id = "process:" + name;
    if (Points.controlled()) {
      long nanos = timeout == null ? -1 : timeout.toNanos();
      return Points.await(Op.JOIN, id, name, () -> !j.isAlive(), nanos, name);
    }
    Points.point(Op.JOIN, id, name);
    try {
      return j.awaitExit(timeout);
    } catch (LaunchException e) {
      throw ProcessStartException.from(e);
    }
  }

  /**
   * The process's identifier, as CPython's {@code ident}: its pid.
   *
   * @throws IllegalStateException before {@code start()}
   */
  public final long ident() {
    return pid();
  }

  /**
   * The sentinel that becomes ready when the child ends, for {@link Sentinel#await}.
   *
   * @throws IllegalStateException before {@code start()} or after {@link #close()}
   */
  public final Sentinel sentinel() {
    if (!current) {
      started("get the sentinel of");
    }
    return new Sentinel(this);
  }

  /**
   * The authentication key (a copy): the creating process's key unless set, and the child's
   * {@linkplain #currentAuthkey() own key} once it runs, as CPython's {@code authkey}.
   */
  public final byte[] authkey() {
    return authkey.clone();
  }

  /**
   * Sets the authentication key the child will have (a copy of {@code key}); before {@code
   * start()}. Returns this process.
   *
   * @throws IllegalArgumentException if {@code key} is null or empty
   * @throws IllegalStateException after {@code start()}
   */
  public final Process setAuthkey(byte[] key) {
    checkKey(key);
    if (state != State.NEW || current) {
      throw new IllegalStateException("cannot set the authkey of " + describe()
          + ": only before start()");
    }
    this.authkey = key.clone();
    return this;
  }

  private static void checkKey(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("authkey must not be null or empty but was: "
          + (key == null ? "null" : "0 bytes"));
    }
  }

  /** Whether the child is running (true from {@code start()} until it has been seen to exit). */
  public final boolean isAlive() {
    if (current) {
      return true;
    }
    checkNotClosed("query");
    ChildHandle j = jvm;
    if (j != null) {
      Points.point(Op.QUERY, "process:" + name, "isAlive");
    }
    return j != null && j.isAlive();
  }

  /** The exit code: empty while the child runs or before it starts. */
  public final OptionalInt exitCode() {
    checkNotClosed("query");
    ChildHandle j = jvm;
    if (j != null) {
      Points.point(Op.QUERY, "process:" + name, "exitCode");
    }
    return j == null ? OptionalInt.empty() : j.exitCode();
  }

  /**
   * The child's process id; in the child itself, its own pid.
   *
   * @throws IllegalStateException before {@code start()}
   */
  public final long pid() {
    if (current) {
      return ProcessHandle.current().pid();
    }
    return started("get the pid of").pid();
  }

  /**
   * Sends SIGTERM to the child (no-op if it has exited). The child halts at once, whatever its
   * threads hold, without running shutdown hooks; locks and permits it held are recovered by
   * their next waiter ({@code previousOwnerDied()}). Its exit code is {@code -15}. A child JVM
   * still booting (it has run no code of the process yet) is killed at once and reports {@code
   * -15} too, as a freshly forked CPython child would die at once.
   */
  public final void terminate() {
    Points.point(Op.TERMINATE, "process:" + name, name);
    started("terminate").terminate(false);
  }

  /** Sends SIGKILL to the child (no-op if it has exited). */
  public final void kill() {
    Points.point(Op.TERMINATE, "process:" + name, name);
    started("kill").terminate(true);
  }

  /**
   * Releases the resources of an exited child; afterwards every method but {@link #name()}
   * throws {@link IllegalStateException}. Closing twice is allowed.
   *
   * @throws IllegalStateException if the child is still running
   */
  public final synchronized void close() {
    if (state == State.CLOSED) {
      return;
    }
    ChildHandle j = jvm;
    if (j != null && j.isAlive()) {
      throw new IllegalStateException("cannot close " + describe() + ": the child is still running");
    }
    if (j != null) {
      j.close();
    }
    state = State.CLOSED;
    if (asChild != null) {
      Children.unregister(asChild);
    }
  }

  private ChildHandle started(String action) {
    ChildHandle j = jvm;
    if (state != State.STARTED || j == null) {
      throw new IllegalStateException("cannot " + action + " " + describe()
          + (state == State.NEW ? ": it has not been started" : ""));
    }
    return j;
  }

  private void checkNotClosed(String action) {
    if (state == State.CLOSED) {
      throw new IllegalStateException("cannot " + action + " " + describe());
    }
  }

  private String describe() {
    return name + " (state " + state() + ")";
  }

  /** Called reflectively by the runtime's bootstrap in the child, on the deserialized copy. */
  static void runAsCurrent(Process p) throws Exception {
    p.current = true;
    p.state = State.NEW;
    HeldAtExit.processName(p.name);
    if (p.authkey != null) {
      ProcessContext.authkey(p.authkey);
    }
    p.run();
  }

  /**
   * Called reflectively by a reused JVM (a harness worker) that runs this process as one task:
   * when the task ends, what it still holds is kept as at a process's exit (with a warning,
   * unless an {@link Error} such as a harness abort ended it).
   */
  static void runAsTask(Process p) throws Exception {
    boolean warn = false;
    try {
      runAsCurrent(p);
      warn = true;
    } catch (Exception e) {
      warn = true;
      throw e;
    } finally {
      HeldAtExit.keepHeld(p.name, warn ? System.err : null);
    }
  }

  // ---- static API: the current process and its relatives ----

  /** This process: {@code MainProcess} in the root JVM, the child's name in a child. */
  public static ProcessInfo currentProcess() {
    return ProcessInfo.of(ProcessContext.current());
  }

  /**
   * This process's authentication key (a copy): 32 random bytes in the root JVM, inherited by
   * every child (CPython's {@code current_process().authkey}); the default key of listeners,
   * clients and managers.
   */
  public static byte[] currentAuthkey() {
    return ProcessContext.authkey();
  }

  /**
   * Sets this process's authentication key (a copy); processes created afterwards inherit it.
   *
   * @throws IllegalArgumentException if {@code key} is null or empty
   */
  public static void setCurrentAuthkey(byte[] key) {
    checkKey(key);
    ProcessContext.authkey(key);
  }

  /**
   * The number of CPUs this JVM may use ({@link Runtime#availableProcessors()}: CPU affinity
   * and container limits count, where CPython's {@code cpu_count()} reports every CPU of the
   * machine).
   */
  public static int cpuCount() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** The parent of this process, empty in the root JVM. */
  public static Optional<ProcessInfo> parentProcess() {
    return ProcessContext.parent().map(ProcessInfo::of);
  }

  /** The children started by this process that are still running. */
  public static List<Process> activeChildren() {
    return Children.active().stream().map(c -> ((AsChild) c).process()).toList();
  }

  /**
   * Pre-starts up to {@code jvms} warm JVMs and waits until they are ready, so that the next
   * {@code start()} calls skip JVM start-up. The pool is refilled in the background after each
   * use; its target size is {@code max(jvms, interleave.warm)}.
   */
  public static void warmUp(int jvms) throws InterruptedException {
    if (jvms < 0) {
      throw new IllegalArgumentException("jvms must be >= 0 but was: " + jvms);
    }
    Launcher.warmUp(jvms);
  }

  @Override
  public String toString() {
    ChildHandle j = jvm;
    String detail = j == null ? "" : " pid=" + j.pid() + (j.isAlive() ? " alive"
        : " exitcode=" + j.exitCode().orElse(Integer.MIN_VALUE));
    return "<Process name='" + name + "' " + state() + detail + (daemon ? " daemon" : "") + ">";
  }

  /** This process as the runtime's list of children sees it. */
  private final class AsChild implements Child {
    Process process() {
      return Process.this;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean isDaemon() {
      return daemon;
    }

    @Override
    public boolean isRunning() {
      return state() == State.STARTED && Process.this.isAlive();
    }

    @Override
    public void join() throws InterruptedException {
      Process.this.join();
    }

    @Override
    public void terminate() {
      Process.this.terminate();
    }
  }

  /** A target with its arguments, serialized with the process. */
  private record Call(Serializable target, Object[] args) implements Serializable {

    @SuppressWarnings({"unchecked", "rawtypes"})
    void invoke() throws Exception {
      switch (args.length) {
        case 0 -> ((Target.Zero) target).run();
        case 1 -> ((Target.One) target).run(args[0]);
        case 2 -> ((Target.Two) target).run(args[0], args[1]);
        case 3 -> ((Target.Three) target).run(args[0], args[1], args[2]);
        case 4 -> ((Target.Four) target).run(args[0], args[1], args[2], args[3]);
        default -> throw new IllegalStateException("unsupported argument count " + args.length);
      }
    }

    String findUnserializable() {
      String problem = Serialization.problem(target);
      if (problem != null) {
        return "the target cannot be serialized: " + problem;
      }
      for (int i = 0; i < args.length; i++) {
        problem = Serialization.problem(args[i]);
        if (problem != null) {
          return "argument " + (i + 1) + " cannot be serialized: " + problem;
        }
      }
      return null;
    }
  }
}
