package dev.interleave.mp;

import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.ipc.Handshake;
import dev.interleave.internal.ipc.SocketListener;
import dev.interleave.internal.ipc.SocketTransport;
import dev.interleave.internal.manager.Builtins;
import dev.interleave.internal.manager.Dispatch;
import dev.interleave.internal.manager.ManagedArray;
import dev.interleave.internal.manager.ManagedValue;
import dev.interleave.internal.runtime.Points;
import dev.interleave.mp.ManagerWire.Reply;
import dev.interleave.mp.ManagerWire.Request;
import dev.interleave.mp.ManagerWire.Token;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A manager's server: holds the shared objects and runs the calls of proxies on them, one
 * thread per client connection (each proxy-using thread of each process has its own), on a Unix
 * domain socket or a TCP port; each connection is authenticated on its own thread.
 *
 * <p>Calls on plain objects (dicts, lists, namespaces, values, arrays, registered types) run
 * while holding the object's monitor, so concurrent calls on one object are serialized, as the
 * GIL serializes them in CPython; calls on locks, queues, events and the like do not, since they
 * may block. Objects live until the manager shuts down (there is no reference counting).
 */
final class ManagerServer {
  /**
   * What the server needs: registered types, key, address in {@link ManagerAddress}'s form (a
   * fresh private socket file if null).
   */
  record Config(Map<String, Registration> registry, byte[] authkey, String address)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A type registered with {@code Manager.register}. */
  record Registration(Manager.Factory factory, Set<String> exposed) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private static final int BACKLOG = 64;
  private static final ThreadLocal<Boolean> SERVING = ThreadLocal.withInitial(() -> false);

  private final Config config;
  private final ClassRules rules = SerialFilter.defaults().rules();
  private final SocketListener listener;
  private final String address;
  private final String identity = UUID.randomUUID().toString();
  private final Map<String, Object> objects = new ConcurrentHashMap<>();
  private final Map<Object, String> ids = new IdentityHashMap<>();
  private final AtomicLong counter = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;

  private ManagerServer(Config config) {
    this.config = config;
    this.listener = bind(config.address());
    this.address = ManagerAddress.of(listener.socketAddress());
  }

  /** The manager process's target: serve, report the address on {@code ready}, wait. */
  static void serve(Config config, Connection ready) throws InterruptedException {
    ManagerServer server = start(config);
    ready.send(server.address());
    ready.close();
    server.awaitShutdown();
  }

  /** Starts serving in this JVM, on daemon threads. */
  static ManagerServer start(Config config) {
    ManagerServer server = new ManagerServer(config);
    Thread t = new Thread(server::acceptLoop, "interleave-manager-accept");
    t.setDaemon(true);
    t.start();
    return server;
  }

  private static SocketListener bind(String address) {
    if (address != null && ManagerAddress.isTcp(address)) {
      return SocketListener.bindTcp(ManagerAddress.tcp(address), BACKLOG);
    }
    return SocketListener.bind(address == null ? null : Path.of(address), BACKLOG);
  }

  /** The address bound, in {@link ManagerAddress}'s form (for TCP, with the actual port). */
  String address() {
    return address;
  }

  void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  void shutdown() {
    running = false;
    listener.close();
    stopped.countDown();
  }

  private void acceptLoop() {
    while (running) {
      SocketTransport c;
      try {
        c = listener.accept();
      } catch (RuntimeException | InterruptedException e) {
        return;
      }
      Thread t = new Thread(() -> handle(c), "interleave-manager-client");
      t.setDaemon(true);
      t.start();
    }
  }

  /** Whether the calling thread is a server's (proxies arriving there are not connected). */
  static boolean isServerThread() {
    return SERVING.get();
  }

  /**
   * Serves one client: first the HMAC challenge both ways on the manager's key (here, not in the
   * accept loop, so that a client that stalls during it holds up no one else), then its calls.
   */
  private void handle(SocketTransport transport) {
    SERVING.set(true);
    Points.markMachinery();
    try (Connection c = new Connection(transport, rules)) {
      Handshake.asListener(transport, config.authkey());
      while (running) {
        serveOne(c);
      }
    } catch (RuntimeException | InterruptedException e) {
      // a wrong key, or the client went away: its thread or process ended, or it closed its connection
    }
  }

  /** Receives, runs and answers one request; one that cannot be read is answered with why. */
  private void serveOne(Connection c) throws InterruptedException {
    byte[] bytes = c.recvBytes();
    Request request;
    try {
      request = ManagerWire.decodeRequest(bytes, rules);
    } catch (RuntimeException e) {
      send(c, new Reply(null, transportable(e)));
      return;
    }
    send(c, answer(request));
    if (ManagerWire.SERVER.equals(request.id()) && "shutdown".equals(request.method())) {
      shutdown();
    }
  }

  private static void send(Connection c, Reply reply) throws InterruptedException {
    byte[] bytes;
    try {
      bytes = ManagerWire.encode(reply);
    } catch (SerializationException e) {
      bytes = ManagerWire.encode(new Reply(null, new RemoteException("the manager cannot send"
          + " the result back: " + e.getMessage())));
    }
    c.sendBytes(bytes);
  }

  private Reply answer(Request r) {
    try {
      if (ManagerWire.SERVER.equals(r.id())) {
        return new Reply(control(r), null);
      }
      Object target = objects.get(r.id());
      if (target == null) {
        throw new IllegalStateException("the manager holds no object " + r.id());
      }
      return new Reply(tokenize(invoke(target, r)), null);
    } catch (InvocationTargetException e) {
      return new Reply(null, transportable(e.getCause()));
    } catch (NoSuchMethodException e) {
      return new Reply(null, new UnsupportedOperationException(e.getMessage()));
    } catch (Exception e) {
      return new Reply(null, transportable(e));
    }
  }

  private Object invoke(Object target, Request r) throws Exception {
    Object[] args = resolve(r.args());
    Set<String> exposed = exposedOf(target);
    if (Builtins.blocking(target)) {
      return Dispatch.invoke(target, r.method(), args, exposed);
    }
    synchronized (target) {
      return Dispatch.invoke(target, r.method(), args, exposed);
    }
  }

  private Object control(Request r) throws Exception {
    switch (r.method()) {
      case "create":
        return create((String) r.args()[0], (Object[]) r.args()[1]);
      case "shutdown":
      case "ping":
        return null;
      default:
        throw new UnsupportedOperationException("unknown manager request " + r.method());
    }
  }

  private Token create(String typeId, Object[] args) throws Exception {
    Object[] resolved = resolve(args);
    Registration reg = config.registry().get(typeId);
    Object obj = reg != null ? reg.factory().create(resolved) : builtin(typeId, resolved);
    String id = typeId + "-" + counter.incrementAndGet();
    synchronized (ids) {
      ids.put(obj, id);
    }
    objects.put(id, obj);
    return token(id, typeId);
  }

  @SuppressWarnings("unchecked")
  private Object builtin(String typeId, Object[] args) {
    if (typeId.equals("Value") || typeId.equals("Array")) {
      ValueType<Object> type = (ValueType<Object>) ValueType.of((Character) args[0]);
      return typeId.equals("Value") ? new ManagedValue(type::cast, args[1])
          : new ManagedArray(type::cast, (java.util.List<?>) args[1]);
    }
    return Builtins.create(typeId, args, config.registry().keySet());
  }

  private Set<String> exposedOf(Object target) {
    String id;
    synchronized (ids) {
      id = ids.get(target);
    }
    Registration reg = config.registry().get(id.substring(0, id.lastIndexOf('-')));
    return reg == null || reg.exposed().isEmpty() ? null : reg.exposed();
  }

  private Token token(String id, String typeId) {
    return new Token(address, config.authkey(), identity, id, typeId);
  }

  /** A result that is one of the shared objects travels as its token (a nested proxy). */
  private Object tokenize(Object result) {
    if (result == null) {
      return null;
    }
    String id;
    synchronized (ids) {
      id = ids.get(result);
    }
    return id == null ? result : token(id, id.substring(0, id.lastIndexOf('-')));
  }

  /** Proxies of this manager's objects, passed as arguments, become the objects themselves. */
  private Object[] resolve(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof ManagerProxy p && p.token().server().equals(identity)) {
        Object obj = objects.get(p.token().id());
        out[i] = obj == null ? out[i] : obj;
      }
    }
    return out;
  }

  private static Exception transportable(Throwable t) {
    if (t instanceof RuntimeException && t.getClass().getName().startsWith("java.")) {
      return (RuntimeException) t;
    }
    if (t instanceof Exception && t.getClass().getName().startsWith("java.")
        && !(t instanceof InterruptedException)) {
      return (Exception) t;
    }
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    return new RemoteException("the manager's call threw " + t + "\n--- in the manager:\n"
        + trace);
  }
}
