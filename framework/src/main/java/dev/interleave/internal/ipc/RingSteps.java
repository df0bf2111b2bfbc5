package dev.interleave.internal.ipc;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;

/**
 * Pipe operations under controlled scheduling: each is a sequence of non-blocking attempts that
 * the scheduler runs when it picks this process, instead of a blocking wait. A lock taken by an
 * attempt stays held across attempts until the operation ends.
 */
final class RingSteps {
  private RingSteps() {}

  static void send(RingChannel ch, FrameWrite write) throws InterruptedException {
    Ring out = ch.out;
    boolean[] locked = {false};
    try {
      Points.await(Op.SEND, ch.id(), null, () -> {
        if (!locked[0]) {
          if (out.writerLock.tryLock(true) == OwnerLock.Acquired.NO) {
            return false;
          }
          locked[0] = true;
          write.repairFirst();
        }
        if (write.advance()) {
          return true;
        }
        if (!ch.peerLive(true)) {
          throw ch.brokenPipe();
        }
        return false;
      }, -1, null);
    } finally {
      if (locked[0]) {
        out.writerLock.unlock();
      }
    }
  }

  static void receive(RingChannel ch, FrameRead read) throws InterruptedException {
    Ring in = ch.in;
    boolean[] locked = {false};
    try {
      Points.await(Op.RECV, ch.id(), null, () -> {
        if (!locked[0]) {
          if (in.readerLock.tryLock(true) == OwnerLock.Acquired.NO) {
            return false;
          }
          locked[0] = true;
        }
        long tail = in.tail();
        if (read.advance()) {
          return true;
        }
        if (ch.nothingMoreComing(read, tail)) {
          throw ch.endOf(read);
        }
        return false;
      }, -1, null);
    } finally {
      if (locked[0]) {
        in.readerLock.unlock();
      }
    }
  }

  static boolean poll(RingChannel ch, long deadline) throws InterruptedException {
    long remaining = Deadlines.remaining(deadline);
    long timeout = remaining == Deadlines.NONE ? -1 : remaining;
    return Points.await(Op.POLL, ch.id(), null, () -> ch.readyNow() || !ch.peerLive(false),
        timeout, null);
  }
}
