package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.Segment;
import java.lang.ref.Cleaner;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who holds one end of a pipe or a queue: a table of slots, one per open {@link RingChannel}
 * object in any process (as a file descriptor is per object in CPython), or one per process that
 * has a queue open ({@link QueueHolds}), so that a reader can tell when no live process can send
 * any more, and the last holder when nobody can reach the file any more.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+  +0
 * |                 Slots ever used (high-water mark)             |
 * +---------------------------------------------------------------+
 * |                       (pad to 64)                           ...
 * +---------------------------------------------------------------+  +64
 * |                 Owner token (pid, start), 0 = free slot       |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Reservation nonce, 0 = an open handle         |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Reservation expiry, epoch milliseconds        |
 * |                                                               |
 * +---------------------------------------------------------------+
 *   ... repeated {@link #SLOTS} times
 * </pre>
 *
 * <p>An end being handed to another process is serialized with a <em>reservation</em>: a slot
 * held in the sender's name, with a nonce, until the receiving process redeems it (a
 * compare-and-set of the nonce to 0, then the owner becomes the receiver). Without it, a sender
 * that closes its copy right after starting a child would leave the table empty before the child
 * had attached, and the reader would see a false end-of-file. When the handle is an argument of
 * a child being started, the reservation moves to the child once its pid is known ({@link
 * HandOffs}) and stops counting when the child dies; any reservation that is never redeemed
 * stops counting after {@link #RESERVATION_MILLIS}.
 */
final class EndTable {
  static final int SLOTS = 1024;
  static final int SLOT_SIZE = 24;
  private static final int HEADER = 64;
  static final int SIZE = HEADER + SLOTS * SLOT_SIZE;
  static final long RESERVATION_MILLIS = Long.getLong("interleave.ipc.handoffMillis", 60_000L);
  /** Frees the slots of handles collected without being closed. */
  static final Cleaner CLEANER = Cleaner.create();
  private static final int OWNER = 0;
  private static final int NONCE = 8;
  private static final int EXPIRY = 16;

  /** A slot held for a handle in transit to another process. */
  record Reservation(int slot, long nonce) {}

  private final Segment segment; // keeps the mapping alive while the address is used
  private final long high;
  private final long base;
  private final String name;

  EndTable(Segment segment, int offset, String name) {
    this.segment = segment;
    this.high = Mem.base(segment) + offset;
    this.base = high + HEADER;
    this.name = name;
  }

  /** Takes a slot for a handle opened in this process; returns its index. */
  int open() {
    return take(0, 0);
  }

  /** Takes a slot in this process's name for a handle being handed to another process. */
  Reservation reserve() {
    long nonce = ThreadLocalRandom.current().nextLong() | 1;
    int slot = take(nonce, System.currentTimeMillis() + RESERVATION_MILLIS);
    Reservation r = new Reservation(slot, nonce);
    HandOffs.collect(this, r);
    return r;
  }

  /**
   * Makes a reservation not yet redeemed count for the process {@code recipient} (it lapses when
   * that process dies) rather than for this one.
   */
  void transfer(Reservation r, long recipient) {
    long at = at(r.slot());
    if (Mem.getLongVolatile(at + NONCE) == r.nonce()) {
      Mem.casLong(at + OWNER, OwnerToken.self(), recipient);
    }
  }

  /** Frees a reservation not yet redeemed (one that names no slot: nothing to free). */
  void revoke(Reservation r) {
    if (r.slot() < 0 || r.slot() >= SLOTS || r.nonce() == 0) {
      return;
    }
    long at = at(r.slot());
    long owner = Mem.getLongVolatile(at + OWNER);
    if (Mem.casLong(at + NONCE, r.nonce(), 0)) {
      Mem.casLong(at + OWNER, owner, 0);
    }
  }

  /** Turns a reservation into an open handle of this process, or opens a fresh slot. */
  int redeem(Reservation r) {
    if (r.slot() >= 0 && r.slot() < SLOTS && Mem.casLong(at(r.slot()) + NONCE, r.nonce(), 0)) {
      long at = at(r.slot());
      Mem.putLongVolatile(at + OWNER, OwnerToken.self());
      Mem.putLongVolatile(at + EXPIRY, 0);
      return r.slot();
    }
    return open();
  }

  /** Frees a slot taken by {@link #open} or {@link #redeem}. */
  void close(int slot) {
    Mem.casLong(at(slot) + OWNER, OwnerToken.self(), 0);
  }

  /** Whether any slot is taken (one pass of plain reads; no liveness checks). */
  boolean anyTaken() {
    for (int i = 0, n = used(); i < n; i++) {
      if (Mem.getLongVolatile(at(i) + OWNER) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a live process holds this end, or may still redeem a reservation of it. */
  boolean anyLive() {
    for (int i = 0, n = used(); i < n; i++) {
      if (isLive(i)) {
        return true;
      }
    }
    return false;
  }

  private boolean isLive(int slot) {
    long at = at(slot);
    long owner = Mem.getLongVolatile(at + OWNER);
    if (owner == 0) {
      return false;
    }
    long nonce = Mem.getLongVolatile(at + NONCE);
    if (nonce != 0 && System.currentTimeMillis() > Mem.getLongVolatile(at + EXPIRY)) {
      return false;
    }
    return OwnerToken.isAlive(owner);
  }

  private int take(long nonce, long expiry) {
    for (int attempt = 0; attempt < 2; attempt++) {
      for (int i = 0; i < SLOTS; i++) {
        long at = at(i);
        if (Mem.getLongVolatile(at + OWNER) == 0 && Mem.casLong(at + OWNER, 0, OwnerToken.self())) {
          raiseUsed(i + 1);
          Mem.putLongVolatile(at + EXPIRY, expiry);
          Mem.putLongVolatile(at + NONCE, nonce);
          return i;
        }
      }
      reclaimDead();
    }
    throw new IllegalStateException("cannot open " + name + ": all " + SLOTS
        + " handles of it are open in live processes or in transit to them (close unused"
        + " copies)");
  }

  /** Slots that may be taken: none at or past this index ever was. */
  private int used() {
    return Mem.getIntVolatile(high);
  }

  private void raiseUsed(int n) {
    for (int u = used(); u < n && !Mem.casInt(high, u, n); u = used()) {
      // another process raised it meanwhile; try again with its value
    }
  }

  private void reclaimDead() {
    for (int i = 0, n = used(); i < n; i++) {
      long at = at(i);
      long owner = Mem.getLongVolatile(at + OWNER);
      long nonce = Mem.getLongVolatile(at + NONCE);
      if (owner != 0 && !isLive(i) && (nonce == 0 || Mem.casLong(at + NONCE, nonce, 0))) {
        Mem.casLong(at + OWNER, owner, 0);
      }
    }
  }

  private long at(int slot) {
    return base + (long) slot * SLOT_SIZE;
  }

  @Override
  public String toString() {
    return name + " in " + segment.name();
  }
}
