package dev.interleave.internal.pool;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

/**
 * The thread that reads one worker's answers (CPython's result handler, one per worker): it
 * hands each answer to its chunk's job, sends the worker more work, and on the worker's exit lets
 * the pool fail the chunk it held and replace it.
 */
final class Reader implements Runnable {
  private final PoolCore core;
  private final WorkerLink link;
  private final ClassLoader loader;

  private Reader(PoolCore core, WorkerLink link, ClassLoader loader) {
    this.core = core;
    this.link = link;
    this.loader = loader;
  }

  static void start(PoolCore core, WorkerLink link) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Thread t = new Thread(new Reader(core, link, loader != null ? loader
        : Reader.class.getClassLoader()), core.id + "-reader-" + link.worker.name());
    t.setDaemon(true);
    t.setContextClassLoader(loader);
    t.start();
  }

  @Override
  public void run() {
    try {
      while (true) {
        byte[] frame = link.next();
        if (frame == null) {
          break;
        }
        handle(frame);
      }
      core.workerExited(link);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Inline mode: reads what has arrived from {@code link} on the calling thread. */
  static void drain(PoolCore core, WorkerLink link) throws InterruptedException {
    Reader r = new Reader(core, link, loader());
    while (!link.dead && link.channel.pollNow()) {
      byte[] frame;
      try {
        frame = link.channel.receive(Long.MAX_VALUE);
      } catch (dev.interleave.internal.ipc.IpcFailure endOfFile) {
        core.workerExited(link);
        return;
      }
      r.handle(frame);
    }
  }

  private static ClassLoader loader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : Reader.class.getClassLoader();
  }

  private void handle(byte[] frame) {
    switch (frame[0]) {
      case Messages.READY -> {
        synchronized (core.lock) {
          link.ready = true;
          core.startFailures = 0;
        }
      }
      case Messages.INIT -> core.breakPool(initFailure(frame));
      case Messages.RESULT, Messages.ERROR -> answered(frame);
      default -> { }
    }
  }

  private Failure initFailure(byte[] frame) {
    try {
      DataInputStream in = Messages.reader(frame);
      in.readByte();
      Failure f = Messages.readFailure(in, link.worker.name(), loader);
      return new Failure(Failure.Kind.BROKEN, "the pool's initializer raised "
          + f.message().substring("task raised ".length()) + "; the pool cannot start workers",
          f.error(), f.remoteStack(), f.worker());
    } catch (IOException e) {
      return Failure.broken("the pool's initializer failed in " + link.describe(), e);
    }
  }

  private void answered(byte[] frame) {
    Chunk c;
    synchronized (core.lock) {
      c = link.outstanding.pollFirst();
      if (c != null) {
        link.outstandingBytes -= c.body.length;
        core.answeredAfter(System.nanoTime() - c.sentAt);
      }
    }
    core.dispatch.fillAll();
    if (c == null) {
      return;
    }
    try {
      if (frame[0] == Messages.RESULT) {
        List<Object> values = Messages.readValues(frame, loader);
        c.job.chunkDone(c.index, values);
      } else {
        DataInputStream in = Messages.reader(frame);
        in.readByte();
        c.job.chunkFailed(c.index, Messages.readFailure(in, link.worker.name(), loader));
      }
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      c.job.chunkFailed(c.index, new Failure(Failure.Kind.RAISED, "the results of " + c
          + " from " + link.describe() + " cannot be read here: " + e, e, null,
          link.worker.name()));
    }
  }
}
