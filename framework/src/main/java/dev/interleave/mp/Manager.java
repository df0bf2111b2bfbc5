package dev.interleave.mp;

import dev.interleave.internal.ipc.AuthKeys;
import dev.interleave.internal.manager.Builtins;
import dev.interleave.internal.runtime.Points;
import dev.interleave.mp.ManagerServer.Config;
import dev.interleave.mp.ManagerServer.Registration;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A manager: a server process holding ordinary Java objects that other processes use through
 * proxies, as CPython's {@code multiprocessing.Manager()} ({@code SyncManager}) and {@code
 * BaseManager}.
 *
 * <pre>{@code
 * try (Manager manager = Manager.launch()) {                 // with Manager() as manager:
 *   DictProxy<String, Integer> d = manager.dict();           //     d = manager.dict()
 *   ListProxy<Integer> l = manager.list();                   //     l = manager.list()
 *   Process p = new Process(Child::work, d, l);              //     Process(target=f, args=(d, l))
 *   p.start(); p.join();
 *   System.out.println(d + " " + l);
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> {@link #start()} launches the server in a child JVM (daemonic: it ends
 * with this process) and returns once it listens; {@link #shutdown()} (or {@link #close()})
 * stops it. A manager is started once. {@link #serveForever()} serves from this process instead,
 * and {@link #connect()} uses a server another process started at a known address. Under the
 * harness the server runs on threads of the JVM that starts it, so that each proxy call is a
 * scheduling point of the calling process and the server answers in the order the scheduler
 * lets calls go.
 *
 * <p><b>Objects.</b> {@link #dict()}, {@link #list()}, {@link #namespace()}, {@link #queue()},
 * {@link #joinableQueue()}, {@link #lock()}, {@link #rLock()}, {@link #semaphore(int)}, {@link
 * #boundedSemaphore(int)}, {@link #condition()}, {@link #event()}, {@link #barrier(int)}, {@link
 * #value}, {@link #array}; and types registered with {@link #register}, created by {@link
 * #create}. Proxies travel to children as {@link Process} arguments; a proxy stored in a managed
 * object is stored as the object it stands for (nested proxies). Objects live until the manager
 * shuts down.
 *
 * <p><b>Address and authentication.</b> The server listens on a Unix domain socket in a
 * directory only this user can open, or, for a manager made by {@link #tcp}, on a TCP host and
 * port that other machines can reach (CPython's {@code BaseManager(address=(host, port),
 * authkey=...)}). Every connection is authenticated with an HMAC challenge in both directions on
 * the manager's key before anything on it is deserialized; a wrong key fails with {@link
 * AuthenticationException}, naming the address.
 *
 * <p><b>Remote managers.</b> One process serves, another (on this machine or another) connects
 * by address and key and creates objects of the server's registered types; the connecting side
 * need not register them:
 *
 * <pre>{@code
 * // server process                                        # CPython
 * Map<String, Integer> table = new ConcurrentHashMap<>();
 * Manager server = Manager.tcp(new InetSocketAddress("0.0.0.0", 50000), key)
 *     .register("table", args -> table);                   # register('table', lambda: table)
 * server.serveForever();                                   # get_server().serve_forever()
 *
 * // client process
 * Manager m = Manager.tcp(new InetSocketAddress("server-host", 50000), key).connect();
 * Proxy t = (Proxy) m.create("table");                     # m.table()
 * t.callMethod("put", "a", 1);
 * }</pre>
 *
 * <p>Port 0 picks a free port; {@link #socketAddress()} tells the one bound once the manager
 * is serving. Proxies the client gets connect to the address the client used (not the one the
 * server bound, which may be a wildcard), and travel to the client's children like any others.
 * Anyone who can reach the port can try to connect, so the key is what protects the server:
 * objects received after authentication are still deserialized through the default {@link
 * SerialFilter}, but a peer holding the key can make the server run any exposed method.
 *
 * <p><b>Failure.</b> If the server process dies, every proxy call, in every process, throws
 * {@link ManagerException} at once (the server's connections close with it); a call after
 * {@link #shutdown()} throws it too.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Manager implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /** The lifecycle of a manager, as CPython's {@code State}. */
  public enum State {
    /** Created; types may be registered. */
    INITIAL,
    /** Serving (or connected to a server). */
    STARTED,
    /** Shut down; its proxies fail. Terminal. */
    SHUTDOWN
  }

  /** Creates a registered type's object in the manager from the arguments of {@link #create}. */
  @FunctionalInterface
  public interface Factory extends Serializable {
    /** A new object for the given arguments. */
    Object create(Object[] args) throws Exception;
  }

  /** The address given, in {@link ManagerAddress}'s form; null for a fresh private one. */
  private final String address;
  private final byte[] authkey;
  private final Map<String, Registration> registry = new LinkedHashMap<>();
  private volatile State state = State.INITIAL;
  private volatile String serving;
  private Process process;
  private ManagerServer local;

  /** A manager at a fresh private address, with a random key (start it with {@link #start()}). */
  public Manager() {
    this((Path) null, null);
  }

  /**
   * CPython's {@code BaseManager(address, authkey)}: a manager to serve or connect at {@code
   * address} (a fresh private one if null) with {@code authkey} (random if null).
   */
  public Manager(Path address, byte[] authkey) {
    this(address == null ? null : address.toAbsolutePath().toString(),
        authkey == null ? randomKey() : authkey.clone());
  }

  private Manager(String address, byte[] authkey) {
    this.address = address;
    this.authkey = authkey;
  }

  /**
   * A manager to serve or connect on the TCP {@code address} (port 0: any free port when
   * serving), with {@code authkey}, or with the process tree's default key if it is null (the
   * key children inherit, as CPython's {@code current_process().authkey}).
   *
   * @throws NullPointerException if {@code address} is null
   * @throws IllegalArgumentException if {@code address} is unresolved (an unknown host name)
   */
  public static Manager tcp(InetSocketAddress address, byte[] authkey) {
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("cannot resolve the manager's host: " + address);
    }
    return new Manager(ManagerAddress.of(address),
        authkey == null ? AuthKeys.processDefault() : authkey.clone());
  }

  /** A started manager: CPython's {@code multiprocessing.Manager()}. */
  public static Manager launch() {
    return new Manager().start();
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /**
   * Registers {@code typeId}, whose objects {@code factory} makes in the manager's process
   * (CPython's {@code BaseManager.register}); {@code exposed} lists the methods proxies may call
   * (all public methods if none). Calls on one such object run one at a time.
   *
   * @throws IllegalStateException if the manager was already started
   * @throws IllegalArgumentException if {@code typeId} is a built-in type id
   */
  public synchronized Manager register(String typeId, Factory factory, String... exposed) {
    requireState(State.INITIAL, "register a type");
    if (Builtins.TYPE_IDS.contains(typeId)) {
      throw new IllegalArgumentException("typeid '" + typeId + "' is built in");
    }
    registry.put(typeId, new Registration(factory, Set.of(exposed)));
    return this;
  }

  /**
   * Launches the server process and waits until it listens.
   *
   * @return this manager
   * @throws IllegalStateException if it was started before
   * @throws ManagerException if the server process fails to start
   */
  public synchronized Manager start() {
    requireState(State.INITIAL, "start");
    Config config = config();
    if (Points.handler() != null) {
      local = ManagerServer.start(config);
      serving = local.address();
    } else {
      serving = launchServer(config);
    }
    state = State.STARTED;
    return this;
  }

  private Config config() {
    return new Config(Map.copyOf(registry), authkey, address);
  }

  private String launchServer(Config config) {
    Pipe pipe = Pipe.open(false);
    process = new Process(ManagerServer::serve, config, pipe.second());
    process.setName("SyncManager-" + process.name()).setDaemon(true);
    process.start();
    pipe.second().close();
    try {
      if (!pipe.first().poll(START_TIMEOUT)) {
        process.kill();
        throw new ManagerException("the manager process did not start within " + START_TIMEOUT,
            null);
      }
      return pipe.first().recv();
    } catch (ConnectionEOFException e) {
      throw new ManagerException("the manager process exited before it listened: exit code "
          + process.exitCode(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.kill();
      throw new ManagerException("interrupted while starting the manager", e);
    } finally {
      pipe.first().close();
    }
  }

  /**
   * Serves from this process until {@link #shutdown()} is called here or a client asks the
   * server to shut down: CPython's {@code get_server().serve_forever()}.
   *
   * @throws InterruptedException if interrupted while serving (the server keeps running)
   */
  public void serveForever() throws InterruptedException {
    ManagerServer server;
    synchronized (this) {
      requireState(State.INITIAL, "serve");
      server = ManagerServer.start(config());
      local = server;
      serving = server.address();
      state = State.STARTED;
    }
    server.awaitShutdown();
  }

  /**
   * Uses the server already running at this manager's address: CPython's {@code connect()}.
   *
   * @throws IllegalStateException if no address was given, or the manager was started
   * @throws ManagerException if nothing answers there
   * @throws AuthenticationException if the server has another key
   */
  public synchronized Manager connect() {
    requireState(State.INITIAL, "connect");
    if (address == null) {
      throw new IllegalStateException("connect() needs the server's address: new Manager(address,"
          + " authkey)");
    }
    serving = address;
    ManagerLink.of(serving, authkey).callUninterruptibly(ManagerWire.SERVER, "ping",
        new Object[0]);
    state = State.STARTED;
    return this;
  }

  /**
   * The socket file the server listens on, once started or connected (before: the one given,
   * or null).
   *
   * @throws IllegalStateException if this manager is on TCP (see {@link #socketAddress()})
   */
  public Path address() {
    String s = serving != null ? serving : address;
    if (s != null && ManagerAddress.isTcp(s)) {
      throw new IllegalStateException(this + " is on TCP, not on a socket file; use"
          + " socketAddress()");
    }
    return s == null ? null : Path.of(s);
  }

  /**
   * The address the server listens on, once started or connected: an {@link InetSocketAddress}
   * with the actual port for a TCP manager, a {@link java.net.UnixDomainSocketAddress}
   * otherwise; before that, the address given, or null.
   */
  public SocketAddress socketAddress() {
    String s = serving != null ? serving : address;
    return s == null ? null : ManagerAddress.parse(s);
  }

  /** A copy of the authentication key. */
  public byte[] authkey() {
    return authkey.clone();
  }

  /** The lifecycle state. */
  public State state() {
    return state;
  }

  /**
   * Stops the server: every proxy call afterwards, in any process, throws {@link
   * ManagerException}. For a manager that was only {@linkplain #connect() connected}, the server
   * is asked to stop. Does nothing if the manager is not running.
   */
  public synchronized void shutdown() {
    if (state != State.STARTED) {
      state = state == State.INITIAL ? State.INITIAL : State.SHUTDOWN;
      return;
    }
    state = State.SHUTDOWN;
    ManagerLink link = ManagerLink.of(serving, authkey);
    try {
      link.callUninterruptibly(ManagerWire.SERVER, "shutdown", new Object[0]);
    } catch (ManagerException e) {
      // already gone
    }
    link.markShutDown("by shutdown()");
    if (local != null) {
      local.shutdown();
    }
    stopProcess();
  }

  private void stopProcess() {
    if (process == null) {
      return;
    }
    try {
      if (!process.join(STOP_TIMEOUT)) {
        process.terminate();
        process.join(STOP_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.kill();
    }
  }

  /** {@link #shutdown()}: {@code try (Manager m = Manager.launch()) {...}}. */
  @Override
  public void close() {
    shutdown();
  }

  /** The server's process, if this manager launched one. */
  Process process() {
    return process;
  }

  /**
   * A new object of the registered (or built-in) type {@code typeId}, made by its factory from
   * {@code args} in the manager, and a proxy for it.
   *
   * @throws IllegalArgumentException if no type of that id is registered
   * @throws IllegalStateException if the manager is not running
   */
  public Object create(String typeId, Object... args) {
    String at = requireServing();
    ManagerLink link = ManagerLink.of(at, authkey);
    SharedPoints.call(ManagerWire.SERVER, "create " + typeId);
    return Proxies.fromWire(link.callUninterruptibly(ManagerWire.SERVER, "create",
        new Object[] {typeId, args}));
  }

  private String requireServing() {
    if (state != State.STARTED) {
      throw new IllegalStateException("the manager is " + state + ": start() it first"
          + (state == State.SHUTDOWN ? " (it was shut down)" : ""));
    }
    return serving;
  }

  private void requireState(State expected, String what) {
    if (state != expected) {
      throw new IllegalStateException("cannot " + what + ": the manager is " + state);
    }
  }

  /** A new empty dict: {@code manager.dict()}. */
  @SuppressWarnings("unchecked")
  public <K, V> DictProxy<K, V> dict() {
    return (DictProxy<K, V>) create("dict");
  }

  /** A new dict holding a copy of {@code initial}. */
  @SuppressWarnings("unchecked")
  public <K, V> DictProxy<K, V> dict(Map<? extends K, ? extends V> initial) {
    return (DictProxy<K, V>) create("dict", new LinkedHashMap<>(initial));
  }

  /** A new empty list: {@code manager.list()}. */
  @SuppressWarnings("unchecked")
  public <E> ListProxy<E> list() {
    return (ListProxy<E>) create("list");
  }

  /** A new list holding a copy of {@code initial}. */
  @SuppressWarnings("unchecked")
  public <E> ListProxy<E> list(List<? extends E> initial) {
    return (ListProxy<E>) create("list", new java.util.ArrayList<>(initial));
  }

  /** A new namespace: {@code manager.Namespace()}. */
  public NamespaceProxy namespace() {
    return (NamespaceProxy) create("Namespace");
  }

  /** A new unbounded queue: {@code manager.Queue()}. */
  public <E> QueueProxy<E> queue() {
    return queue(0);
  }

  /** A new queue holding at most {@code maxsize} items (unbounded if {@code <= 0}). */
  @SuppressWarnings("unchecked")
  public <E> QueueProxy<E> queue(int maxsize) {
    return (QueueProxy<E>) create("Queue", maxsize);
  }

  /** A new joinable queue: {@code manager.JoinableQueue()}. */
  @SuppressWarnings("unchecked")
  public <E> QueueProxy<E> joinableQueue() {
    return (QueueProxy<E>) create("JoinableQueue", 0);
  }

  /** A new lock: {@code manager.Lock()}. */
  public AcquirerProxy lock() {
    return (AcquirerProxy) create("Lock");
  }

  /** A new recursive lock: {@code manager.RLock()}. */
  public AcquirerProxy rLock() {
    return (AcquirerProxy) create("RLock");
  }

  /** A new semaphore: {@code manager.Semaphore(value)}. */
  public AcquirerProxy semaphore(int value) {
    return (AcquirerProxy) create("Semaphore", value);
  }

  /** A new bounded semaphore: {@code manager.BoundedSemaphore(value)}. */
  public AcquirerProxy boundedSemaphore(int value) {
    return (AcquirerProxy) create("BoundedSemaphore", value);
  }

  /** A new condition with its own recursive lock: {@code manager.Condition()}. */
  public ConditionProxy condition() {
    return (ConditionProxy) create("Condition");
  }

  /** A new event: {@code manager.Event()}. */
  public EventProxy event() {
    return (EventProxy) create("Event");
  }

  /** A new barrier for {@code parties} threads: {@code manager.Barrier(parties)}. */
  public BarrierProxy barrier(int parties) {
    return (BarrierProxy) create("Barrier", parties);
  }

  /**
   * A new value of {@code type}: {@code manager.Value(typecode, value)}.
   *
   * @throws IllegalArgumentException if the type cannot hold {@code initial}
   */
  @SuppressWarnings("unchecked")
  public <T> ValueProxy<T> value(ValueType<T> type, T initial) {
    return (ValueProxy<T>) create("Value", type.code(), initial);
  }

  /**
   * A new fixed-length array of {@code type}: {@code manager.Array(typecode, sequence)}.
   *
   * @throws IllegalArgumentException if the type cannot hold an element
   */
  @SuppressWarnings("unchecked")
  public <T> ArrayProxy<T> array(ValueType<T> type, List<? extends T> initial) {
    return (ArrayProxy<T>) create("Array", type.code(), new java.util.ArrayList<>(initial));
  }

  @Override
  public String toString() {
    return "Manager[" + state + (serving == null ? "" : ", " + serving) + "]";
  }
}
