package dev.interleave.mp;

import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.runtime.ProcessContext;
import dev.interleave.mp.ManagerWire.Reply;
import dev.interleave.mp.ManagerWire.Request;
import dev.interleave.mp.ManagerWire.Token;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * This JVM's connections to one manager: one per thread (so a thread blocked in a call on a
 * lock or queue does not hold up the others), opened on first use.
 */
final class ManagerLink {
  /** By address and key: a connection authenticated with one key is never used for another. */
  private static final Map<String, ManagerLink> LINKS = new ConcurrentHashMap<>();

  private static final ClassRules RULES = SerialFilter.defaults().rules();

  private final String address;
  private final byte[] authkey;
  private final ThreadLocal<Connection> connection = new ThreadLocal<>();
  private final ThreadLocal<ExecutorService> io = new ThreadLocal<>();
  /** Every connection and helper thread this link opened, so that closing it frees them. */
  private final Set<Connection> opened = ConcurrentHashMap.newKeySet();
  private final Set<ExecutorService> helpers = ConcurrentHashMap.newKeySet();
  private volatile String shutDown;

  static {
    // a harness worker runs many processes: the links of the last one must not pile up
    ProcessContext.onReuse(ManagerLink::closeAll);
  }

  private ManagerLink(String address, byte[] authkey) {
    this.address = address;
    this.authkey = authkey;
  }

  static ManagerLink of(String address, byte[] authkey) {
    return LINKS.computeIfAbsent(key(address, authkey), k -> new ManagerLink(address, authkey));
  }

  private static String key(String address, byte[] authkey) {
    return address + "#" + java.util.HexFormat.of().formatHex(authkey);
  }

  /** Closes every link of this JVM: their connections and helper threads. */
  static void closeAll() {
    for (ManagerLink link : LINKS.values()) {
      link.close();
    }
  }

  /**
   * Closes this link's connections and helper threads and forgets it; a later call through it
   * connects again (unless the manager was shut down).
   */
  private void close() {
    LINKS.remove(key(address, authkey), this);
    for (ExecutorService ex : helpers) {
      ex.shutdownNow();
    }
    helpers.clear();
    for (Connection c : opened) {
      c.close();
    }
    opened.clear();
  }

  static ManagerLink of(Token token) {
    return of(token.address(), token.authkey());
  }

  /** Marks the manager shut down by this JVM: later calls fail at once. */
  void markShutDown(String why) {
    shutDown = why;
    close();
  }

  /**
   * Sends the request and waits for its reply; an interrupt closes this thread's connection (the
   * manager abandons the call) and is thrown.
   */
  Object call(String id, String method, Object[] args) throws InterruptedException {
    if (Points.controlled()) {
      return callOffThread(id, method, args);
    }
    return callHere(id, method, args);
  }

  /**
   * Under the harness's control, the request travels on a helper thread of the calling thread
   * (one each, so a thread keeps its own connection and its RLock ownership): the proxy call is
   * one scheduling point (made by the proxy), not the transport's sends and receives, whose
   * connection numbers differ from run to run and would make replays diverge.
   */
  private Object callOffThread(String id, String method, Object[] args)
      throws InterruptedException {
    ExecutorService ex = io.get();
    if (ex == null || ex.isShutdown()) {
      ex = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
          Points.markMachinery();
          r.run();
        }, "interleave-manager-call");
        t.setDaemon(true);
        return t;
      });
      io.set(ex);
      helpers.add(ex);
    }
    Future<Object> f = ex.submit(() -> callHere(id, method, args));
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new ManagerException(
          "the call to the manager failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    }
  }

  private Object callHere(String id, String method, Object[] args) throws InterruptedException {
    byte[] request = ManagerWire.encode(new Request(id, method, args)); // fails before sending
    Connection c = connection();
    Reply reply;
    try {
      c.sendBytes(request);
      reply = ManagerWire.decodeReply(c.recvBytes(), RULES);
    } catch (InterruptedException e) {
      drop(c);
      throw e;
    } catch (ConnectionException e) {
      drop(c);
      throw gone(e);
    }
    if (reply.error() != null) {
      throw rethrow(reply.error());
    }
    // a token names the object at the address this link reached its server by
    return reply.value() instanceof Token t ? t.at(address) : reply.value();
  }

  /** As {@link #call}, waiting for the reply through interrupts (which are kept). */
  Object callUninterruptibly(String id, String method, Object[] args) {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          return call(id, method, args);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Opens this thread's connection now if it can; a failure is reported by the first call. */
  void connectQuietly() {
    if (Points.handler() != null) {
      return; // under the harness, connections open off the participant's thread, on first call
    }
    try {
      connection();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the first call reports it
    }
  }

  private Connection connection() throws InterruptedException {
    if (shutDown != null) {
      throw new ManagerException("the manager at " + address + " was shut down (" + shutDown
          + "); its proxies can no longer be used", null);
    }
    Connection c = connection.get();
    if (c == null || !opened.contains(c)) {
      try {
        c = ManagerAddress.isTcp(address) ? Client.connect(ManagerAddress.tcp(address), authkey)
            : Client.connect(Path.of(address), authkey);
      } catch (ConnectionException e) {
        throw gone(e);
      }
      connection.set(c);
      opened.add(c);
    }
    return c;
  }

  private void drop(Connection c) {
    connection.remove();
    opened.remove(c);
    c.close();
  }

  private ManagerException gone(Exception e) {
    return new ManagerException("the manager at " + address + " does not answer: it was shut"
        + " down or its process died (" + e.getMessage() + ")", e);
  }

  private static RuntimeException rethrow(Exception e) {
    e.addSuppressed(new ProcessException("raised by the manager for the call made here"));
    if (e instanceof RuntimeException r) {
      return r;
    }
    return new RemoteException("the manager's call threw " + e);
  }
}
