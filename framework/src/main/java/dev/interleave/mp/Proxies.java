package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.sync.Timeouts;
import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import java.time.Duration;

/**
 * Calls from proxies to their manager (each a scheduling point), and the making of proxies from
 * tokens, which is how a proxy travels: to a child it goes as its token and is rebuilt there.
 */
final class Proxies {
  private Proxies() {}

  /** Calls {@code method} on the object, waiting uninterruptibly for the answer. */
  static Object call(Token t, String method, Object... args) {
    SharedPoints.call(t.id(), method);
    return fromWire(ManagerLink.of(t).callUninterruptibly(t.id(), method, args));
  }

  /**
   * Calls a method that may block, whose last argument is a timeout in nanoseconds (negative:
   * forever) and whose result is false or null when it timed out. Under the harness's control
   * the call is retried without waiting until the controller lets it time out, so the wait is a
   * blocked step the scheduler sees, not a hidden one.
   */
  static Object callBlocking(Token t, String method, Duration timeout, Object... args)
      throws InterruptedException {
    long nanos = timeout == null ? -1 : Timeouts.toNanos(timeout);
    if (!Points.controlled()) {
      return callWaiting(t, method, timeout, args);
    }
    Object[] result = new Object[1];
    Points.await(Op.CALL, t.id(), method, () -> {
      Object r = ManagerLink.of(t).callUninterruptibly(t.id(), method, withTimeout(args, 0L));
      result[0] = fromWire(r);
      return r != null && !Boolean.FALSE.equals(r);
    }, nanos, t.toString());
    return result[0];
  }

  /** As {@link #callBlocking}, but waiting in the manager even under the harness. */
  static Object callWaiting(Token t, String method, Duration timeout, Object... args)
      throws InterruptedException {
    long nanos = timeout == null ? -1 : Timeouts.toNanos(timeout);
    SharedPoints.call(t.id(), method);
    return fromWire(ManagerLink.of(t).call(t.id(), method, withTimeout(args, nanos)));
  }

  private static Object[] withTimeout(Object[] args, long nanos) {
    Object[] out = java.util.Arrays.copyOf(args, args.length + 1);
    out[args.length] = nanos;
    return out;
  }

  static Object fromWire(Object value) {
    return value instanceof Token t ? of(t) : value;
  }

  /** The proxy of the right type for {@code t}. */
  static Object of(Token t) {
    switch (t.typeId()) {
      case "dict": return new DictProxy<>(t);
      case "list": return new ListProxy<>(t);
      case "Namespace": return new NamespaceProxy(t);
      case "Queue": case "JoinableQueue": return new QueueProxy<>(t);
      case "Lock": case "RLock": case "Semaphore": case "BoundedSemaphore":
        return new AcquirerProxy(t);
      case "Condition": return new ConditionProxy(t);
      case "Event": return new EventProxy(t);
      case "Barrier": return new BarrierProxy(t);
      case "Value": return new ValueProxy<>(t);
      case "Array": return new ArrayProxy<>(t);
      default: return new Proxy(t);
    }
  }

  /**
   * What travels in place of a proxy. Arriving in a client process, it connects the receiving
   * thread to the manager at once, as CPython's proxies do when unpickled, so that the first
   * call (often made holding a lock) does not pay for the connection.
   */
  record Form(Token token) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      if (!ManagerServer.isServerThread()) {
        ManagerLink.of(token).connectQuietly();
      }
      return of(token);
    }
  }
}
