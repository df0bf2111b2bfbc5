package dev.interleave.scenarios.bench;

import dev.interleave.mp.Connection;
import dev.interleave.mp.Pipe;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import dev.interleave.mp.SimpleQueue;
import java.time.Duration;
import java.util.Arrays;

/**
 * The {@code queue_throughput} and {@code pipe_throughput} workloads of the baseline script, one
 * repetition each, timed behind a start gate: the child sets up, sends "ready" on a control pipe
 * and waits for "go"; the parent starts the clock when it sends "go" and stops it at the last
 * item or reply. Process start and join fall outside the clock.
 *
 * <p>A child's set-up ends with {@link Settle}: it runs its own operations a few thousand times
 * on a private queue or pipe, so that its fresh JVM has compiled them, and waits for the JIT to
 * go quiet. CPython's children need no such phase.
 */
final class IpcWorkloads {
  private static final Duration JOIN = Duration.ofMinutes(2);
  private static final int WARMUP = 5_000;

  private IpcWorkloads() {}

  /** Seconds for one producer child to pass {@code n} items (ints, or byte[size]) to the parent. */
  static double queue(int n, int size) throws Exception {
    Queue<Object> q = new Queue<>();
    Pipe ctl = Pipe.open();
    Process p = new Process(IpcWorkloads::queueProducer, q, ctl.second(), n, size);
    Gate gate = Gate.open(p, ctl);
    long t0 = gate.go();
    if (size == 0) {
      for (int i = 0; i < n; i++) {
        check(q.get().equals(i), "queue out of order");
      }
    } else {
      for (int i = 0; i < n; i++) {
        check(((byte[]) q.get()).length == size, "bad payload");
      }
    }
    check(q.get() == null, "missing sentinel");
    long t1 = System.nanoTime();
    gate.finish();
    return (t1 - t0) / 1e9;
  }

  static void queueProducer(Queue<Object> q, Connection ctl, Integer n, Integer size)
      throws Exception {
    byte[] payload = size == 0 ? null : new byte[size];
    Gate.arriveAndWait(ctl, () -> {
      Queue<Object> own = new Queue<>();
      for (int i = 0; i < WARMUP; i++) {
        own.put(payload == null ? (Object) i : payload);
        own.get();
      }
    });
    if (payload == null) {
      for (int i = 0; i < n; i++) {
        q.put(i);
      }
    } else {
      for (int i = 0; i < n; i++) {
        q.put(payload);
      }
    }
    q.put(null);
  }

  /** Seconds for one producer child to pass {@code n} ints through a SimpleQueue. */
  static double simpleQueue(int n) throws Exception {
    SimpleQueue<Integer> q = new SimpleQueue<>();
    Pipe ctl = Pipe.open();
    Process p = new Process(IpcWorkloads::simpleProducer, q, ctl.second(), n);
    Gate gate = Gate.open(p, ctl);
    long t0 = gate.go();
    for (int i = 0; i < n; i++) {
      check(q.get() == i, "queue out of order");
    }
    check(q.get() == null, "missing sentinel");
    long t1 = System.nanoTime();
    gate.finish();
    return (t1 - t0) / 1e9;
  }

  static void simpleProducer(SimpleQueue<Integer> q, Connection ctl, Integer n) throws Exception {
    Gate.arriveAndWait(ctl, () -> {
      SimpleQueue<Integer> own = new SimpleQueue<>();
      for (int i = 0; i < WARMUP; i++) {
        own.put(i);
        own.get();
      }
    });
    for (int i = 0; i < n; i++) {
      q.put(i);
    }
    q.put(null);
  }

  /** MB/s of {@code count} x {@code size}-byte messages from a child through a one-way pipe. */
  static double pipeBulk(int count, int size) throws Exception {
    Pipe pipe = Pipe.open(false);
    Pipe ctl = Pipe.open();
    Process p = new Process(IpcWorkloads::bulkSender, pipe.second(), ctl.second(), count, size);
    Gate gate = Gate.open(p, ctl);
    pipe.second().close();
    long t0 = gate.go();
    for (int i = 0; i < count; i++) {
      check(pipe.first().recvBytes().length == size, "short message");
    }
    long t1 = System.nanoTime();
    gate.finish();
    pipe.first().close();
    return (double) count * size / ((t1 - t0) / 1e9) / 1e6;
  }

  static void bulkSender(Connection w, Connection ctl, Integer count, Integer size)
      throws Exception {
    byte[] buf = new byte[size];
    Gate.arriveAndWait(ctl, () -> {
      Pipe own = Pipe.open(false);
      byte[] streamed = new byte[300_000]; // beyond one chunk: the streaming path
      for (int i = 0; i < WARMUP / 10; i++) {
        own.second().sendBytes(streamed);
        own.first().recvBytes();
      }
      own.first().close();
      own.second().close();
    });
    for (int i = 0; i < count; i++) {
      w.sendBytes(buf);
    }
    w.close();
  }

  /** Round trips per second of a 64-byte object between the parent and an echoing child. */
  static double pipeEcho(int n) throws Exception {
    Pipe pipe = Pipe.open(true);
    Pipe ctl = Pipe.open();
    Process p = new Process(IpcWorkloads::echo, pipe.second(), ctl.second(), n);
    Gate gate = Gate.open(p, ctl);
    pipe.second().close();
    byte[] msg = new byte[64];
    Arrays.fill(msg, (byte) 'x');
    Connection a = pipe.first();
    long t0 = gate.go();
    for (int i = 0; i < n; i++) {
      a.send(msg);
      check(Arrays.equals(a.<byte[]>recv(), msg), "echo mismatch");
    }
    long t1 = System.nanoTime();
    gate.finish();
    a.close();
    return n / ((t1 - t0) / 1e9);
  }

  static void echo(Connection c, Connection ctl, Integer n) throws Exception {
    Gate.arriveAndWait(ctl, () -> {
      Pipe own = Pipe.open(true);
      byte[] msg = new byte[64];
      for (int i = 0; i < WARMUP; i++) {
        own.first().send(msg);
        own.second().send(own.second().recv());
        own.first().recv();
      }
      own.first().close();
      own.second().close();
    });
    for (int i = 0; i < n; i++) {
      c.send(c.recv());
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  /** The start gate over a control pipe. */
  private record Gate(Process process, Pipe ctl) {
    static Gate open(Process p, Pipe ctl) throws InterruptedException {
      p.start();
      ctl.second().close();
      check("ready".equals(ctl.first().recv()), "no ready signal");
      return new Gate(p, ctl);
    }

    static void arriveAndWait(Connection ctl, Settle.Warmup warmup) throws InterruptedException {
      Settle.settle(warmup);
      ctl.send("ready");
      ctl.recv();
    }

    long go() throws InterruptedException {
      long t0 = System.nanoTime();
      ctl.first().send("go");
      return t0;
    }

    void finish() throws InterruptedException {
      check(process.join(JOIN), "child did not exit");
      check(process.exitCode().orElse(-1) == 0, "child failed: " + process.exitCode());
      process.close();
      ctl.first().close();
    }
  }
}
