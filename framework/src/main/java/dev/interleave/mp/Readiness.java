package dev.interleave.mp;

import dev.interleave.internal.ipc.Deadlines;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** {@link Connection#await}: readiness of several connections, checked with backoff. */
final class Readiness {
  private static final long FIRST_BACKOFF_NANOS = 10_000;
  private static final long MAX_BACKOFF_NANOS = 1_000_000;
  private static final String ID = "connections";

  private Readiness() {}

  static List<Connection> await(List<Connection> connections, long deadline)
      throws InterruptedException {
    for (Connection c : connections) {
      c.checkReadable();
    }
    if (Points.controlled()) {
      long remaining = Deadlines.remaining(deadline);
      Points.await(Op.POLL, ID, null, () -> !readyNow(connections).isEmpty(),
          remaining == Deadlines.NONE ? -1 : remaining, null);
      return readyNow(connections);
    }
    Points.point(Op.POLL, ID, null);
    long backoff = FIRST_BACKOFF_NANOS;
    while (true) {
      List<Connection> ready = readyNow(connections);
      long remaining = Deadlines.remaining(deadline);
      if (!ready.isEmpty() || remaining == 0) {
        return ready;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      LockSupport.parkNanos(Math.min(backoff, remaining));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
    }
  }

  private static List<Connection> readyNow(List<Connection> connections) {
    List<Connection> ready = new ArrayList<>();
    for (Connection c : connections) {
      if (c.channel().pollNow()) {
        ready.add(c);
      }
    }
    return ready;
  }
}
