package dev.interleave.internal.pool;

import dev.interleave.internal.ipc.Channel;
import dev.interleave.internal.ipc.IpcFailure;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.runtime.Serialization;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The loop a pool worker runs (CPython's {@code multiprocessing.pool.worker}): the initializer,
 * then TASKS messages answered one by one until STOP, end-of-file, or {@code maxTasks}.
 */
public final class WorkerMain {
  private final WorkerSpec spec;
  private final Channel channel;
  private final ClassLoader loader;
  private final LinkedHashMap<Integer, PoolFunction> functions = FunctionCache.workerMirror();

  private WorkerMain(WorkerSpec spec) {
    this.spec = spec;
    this.channel = spec.channel().open();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    this.loader = context != null ? context : WorkerMain.class.getClassLoader();
  }

  /** Serves the pool described by {@code spec}; runs as a {@code Process} target. */
  public static void serve(WorkerSpec spec) throws Exception {
    new WorkerMain(spec).loop();
  }

  private void loop() throws Exception {
    try {
      if (spec.initializer() != null) {
        initialize();
      }
      channel.send(new byte[] {Messages.READY}, 0, 1);
      int done = 0;
      while (spec.maxTasks() <= 0 || done < spec.maxTasks()) {
        byte[] frame = channel.receive(Long.MAX_VALUE);
        if (frame[0] == Messages.STOP) {
          break;
        }
        byte[] reply = answer(frame);
        channel.send(reply, 0, reply.length);
        Points.point(Op.POOL_RESULT, spec.pool(), "result");
        done++;
      }
    } catch (IpcFailure pipeGone) {
      // the pool closed its end or died: nothing left to serve
    } finally {
      channel.close();
    }
    Points.point(Op.POOL_WORKER, spec.pool(), "exit");
  }

  private void initialize() throws Exception {
    try {
      spec.initializer().apply(spec.initArgs());
    } catch (Exception | Error e) {
      rethrowIfHarness(e);
      byte[] m = Messages.failure(Messages.INIT, e);
      channel.send(m, 0, m.length);
      throw e;
    }
  }

  private byte[] answer(byte[] frame) {
    try {
      ByteBuffer in = ByteBuffer.wrap(frame);
      in.get();
      PoolFunction f = function(in);
      List<Object[]> argLists = Messages.readArgs(in, loader);
      List<Object> results = new ArrayList<>(argLists.size());
      for (Object[] args : argLists) {
        Points.point(Op.POOL_TASK, spec.pool(), "task");
        results.add(f.apply(args));
      }
      return encodeResults(results);
    } catch (Exception | Error e) {
      rethrowIfHarness(e);
      return Messages.failure(Messages.ERROR, e);
    }
  }

  private static byte[] encodeResults(List<Object> results) {
    try {
      return Messages.result(results);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a task's result cannot be sent back: " + e.getMessage(), e);
    }
  }

  private PoolFunction function(ByteBuffer in) throws IOException, ClassNotFoundException {
    int id = in.getInt();
    if (in.get() != 0) {
      byte[] bytes = new byte[in.getInt()];
      in.get(bytes);
      PoolFunction f = (PoolFunction) Serialization.deserialize(bytes, loader);
      functions.put(id, f);
      return f;
    }
    PoolFunction f = functions.get(id);
    if (f == null) {
      throw new IllegalStateException("pool function " + id + " is not known to this worker");
    }
    return f;
  }

  /** The harness stops a process with an {@link Error} of its own: that must not be reported. */
  private static void rethrowIfHarness(Throwable t) {
    if (t instanceof Error && t.getClass().getName().startsWith("dev.interleave.internal.")) {
      throw (Error) t;
    }
  }
}
