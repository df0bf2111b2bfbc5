package dev.interleave.internal.ipc;

import dev.interleave.internal.ipc.IpcFailure.Kind;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.shm.SharedMemory;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One handle of one end of a pipe over shared-memory rings.
 *
 * <p>Sending takes the outbound ring's writer lock for the whole frame; receiving takes the
 * inbound ring's reader lock for the whole frame; so frames never interleave, whichever threads
 * and processes share the end. Each handle holds a slot in its end's {@link EndTable} from
 * creation (or deserialization) until {@link #close()} or garbage collection, as a file
 * descriptor would; a receiver whose ring is empty reports end-of-file once no live process holds
 * the sending end.
 */
public final class RingChannel implements Channel {
  private static final long PEER_CHECK_NANOS = 20_000_000L;

  private final PipeSegment pipe;
  private final int end;
  private final String id;
  final Ring in;
  final Ring out;
  final EndTable peer;
  private final EndTable mine;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Cleaner.Cleanable slotRelease;
  private volatile long peerCheckedAt;
  private volatile boolean peerLive = true;

  private RingChannel(PipeSegment pipe, int end, int slot) {
    this.pipe = pipe;
    this.end = end;
    this.id = PipeSegment.id(pipe.segment) + ":" + end;
    this.in = pipe.inbound(end);
    this.out = pipe.outbound(end);
    this.mine = pipe.holders(end);
    this.peer = pipe.holders(1 - end);
    this.slotRelease = EndTable.CLEANER.register(this, new SlotRelease(mine, slot));
  }

  /** Creates a pipe and opens both of its ends in this process. */
  public static RingChannel[] pipe(boolean duplex, int capacity) {
    PipeSegment pipe = PipeSegment.create(duplex, capacity);
    return new RingChannel[] {
        new RingChannel(pipe, 0, pipe.holders(0).open()),
        new RingChannel(pipe, 1, pipe.holders(1).open())};
  }

  /** {@link #pipe(boolean, int)} with the default ring capacity (1 MiB). */
  public static RingChannel[] pipe(boolean duplex) {
    return pipe(duplex, PipeSegment.DEFAULT_CAPACITY);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean readable() {
    return in != null;
  }

  @Override
  public boolean writable() {
    return out != null;
  }

  @Override
  public void send(byte[] buf, int offset, int length) throws InterruptedException {
    if (!peer.anyTaken()) {
      throw brokenPipe();
    }
    FrameWrite write = new FrameWrite(out, buf, offset, length);
    if (Points.controlled()) {
      RingSteps.send(this, write);
      return;
    }
    Points.point(Op.SEND, id, null);
    out.writerLock.lock(Deadlines.NONE);
    try {
      write.repairFirst();
      while (true) {
        long head = out.head();
        if (write.advance()) {
          return;
        }
        out.spaceEvent.await(() -> out.head() != head || !peer.anyTaken(), Deadlines.NONE,
            this::stopIfNoReader);
        if (out.head() == head && !peerLive(true)) {
          throw brokenPipe();
        }
      }
    } finally {
      out.writerLock.unlock();
    }
  }

  @Override
  public byte[] receive(long maxLength) throws InterruptedException {
    FrameRead read = new FrameRead(in, maxLength, null, 0);
    receive(read);
    return read.target();
  }

  @Override
  public int receiveInto(byte[] buf, int offset) throws InterruptedException {
    FrameRead read = new FrameRead(in, Long.MAX_VALUE, buf, offset);
    receive(read);
    if (!read.inCallerBuffer()) {
      throw new IpcFailure(Kind.BUFFER_TOO_SHORT, "message of " + read.total()
          + " bytes is longer than the " + (buf.length - offset) + " bytes left in the buffer",
          null, read.target());
    }
    return (int) read.total();
  }

  private void receive(FrameRead read) throws InterruptedException {
    if (Points.controlled()) {
      RingSteps.receive(this, read);
      return;
    }
    Points.point(Op.RECV, id, null);
    in.readerLock.lock(Deadlines.NONE);
    try {
      while (true) {
        long tail = in.tail();
        if (read.advance()) {
          return;
        }
        in.dataEvent.await(() -> in.tail() != tail || closed.get()
            || (!read.inFrame() && !peer.anyTaken()), Deadlines.NONE,
            () -> nothingMoreComing(read, tail));
        if (in.tail() == tail) {
          throw closed.get() ? closedWhileReceiving() : endOf(read);
        }
      }
    } finally {
      in.readerLock.unlock();
    }
  }

  /** Whether no data will follow {@code tail}: the sender died or left a frame unfinished. */
  boolean nothingMoreComing(FrameRead read, long tail) {
    if (read.inFrame()) {
      long writer = in.writerLock.holder();
      boolean gone = writer == 0 || !OwnerToken.isAlive(writer);
      return gone && in.tail() == tail && !peerLive(true);
    }
    return in.tail() == tail && (!peer.anyTaken() || !peerLive(true));
  }

  /**
   * The end-of-file for a receive that can get nothing more; a frame whose sender died part way
   * is dropped, as the rest of a message from a dead process can never come.
   */
  IpcFailure endOf(FrameRead read) {
    String half = read.inFrame() ? " (the " + read.filled() + " of " + read.total()
        + " bytes received of its last message were discarded)" : "";
    read.abandon();
    return new IpcFailure(Kind.EOF, "end of file on " + id
        + ": the other end is closed in every process that held it, or they died" + half);
  }

  private IpcFailure closedWhileReceiving() {
    return new IpcFailure(Kind.EOF, id + " was closed while a receive was waiting on it");
  }

  IpcFailure brokenPipe() {
    return new IpcFailure(Kind.BROKEN_PIPE, "broken pipe on " + id
        + ": the other end is closed in every process that held it, or they died");
  }

  private boolean stopIfNoReader() {
    return !peerLive(true);
  }

  /** Whether a live process holds the other end; cached for {@link #PEER_CHECK_NANOS}. */
  boolean peerLive(boolean fresh) {
    long now = System.nanoTime();
    if (fresh || now - peerCheckedAt > PEER_CHECK_NANOS) {
      peerLive = peer.anyLive();
      peerCheckedAt = now;
    }
    return peerLive;
  }

  @Override
  public boolean poll(long deadline) throws InterruptedException {
    if (Points.controlled()) {
      return RingSteps.poll(this, deadline);
    }
    Points.point(Op.POLL, id, null);
    if (readyNow()) {
      return true;
    }
    if (Deadlines.remaining(deadline) > 0) {
      in.dataEvent.await(this::readyNow, deadline, () -> !peerLive(true));
    }
    return readyNow() || !peerLive(false);
  }

  @Override
  public boolean pollNow() {
    return readyNow() || !peerLive(false);
  }

  /** Data has arrived, or the other end is closed everywhere (cheap checks only). */
  boolean readyNow() {
    return !in.isEmpty() || !peer.anyTaken();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      slotRelease.clean();
      if (out != null) {
        out.dataEvent.signal();
      }
      if (in != null) {
        in.spaceEvent.signal();
        in.dataEvent.signal();
      }
      String name = pipe.segment.name();
      if (!mine.anyLive() && !peer.anyLive()) {
        // no live process holds either end or may still redeem one in transit: nobody can
        // attach any more, so the rings' file goes now rather than at its creator's exit
        SharedMemory.unlink(name);
      } else { // a holder may die without closing
        LastHolderWatch.watch(pipe.segment.path(), () -> SharedMemory.unlink(name), mine, peer);
      }
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  @Override
  public Handle handOff() {
    EndTable.Reservation r = mine.reserve();
    return new RingHandle(pipe.segment.name(), end, r.slot(), r.nonce());
  }

  /** The pipe's segment. */
  public dev.interleave.internal.shm.Segment segment() {
    return pipe.segment;
  }

  @Override
  public String toString() {
    return id;
  }

  /** Frees a handle's slot; must not capture the channel, so that it can be collected. */
  private record SlotRelease(EndTable table, int slot) implements Runnable {
    @Override
    public void run() {
      table.close(slot);
    }
  }

  /** A pipe end in transit to another process. */
  record RingHandle(String segment, int end, int slot, long nonce) implements Handle {
    private static final long serialVersionUID = 1L;

    @Override
    public Channel open() {
      PipeSegment pipe = PipeSegment.attach(segment);
      int s = pipe.holders(end).redeem(new EndTable.Reservation(slot, nonce));
      return new RingChannel(pipe, end, s);
    }
  }
}
