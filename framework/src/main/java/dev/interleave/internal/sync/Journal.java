package dev.interleave.internal.sync;

import dev.interleave.internal.shm.Segment;

/**
 * A one-entry redo journal for the semaphore's guarded update: new value, new pending count,
 * and the new owner and count of at most one holder slot.
 *
 * <pre>
 *   +0  valid   int   1 while an update is written but maybe not fully applied
 *   +4  slot    int   slot index, or -1 for none
 *   +8  value   long
 *   +16 pending long
 *   +24 owner   long  the slot's new owner code
 *   +32 count   long  the slot's new permit count
 * </pre>
 *
 * <p>Written and applied only under the guard. {@link #commit} writes the entry, sets {@code
 * valid}, applies it and clears {@code valid}; {@link #replay} applies an entry left valid by a
 * process that died in between. Applying stores absolute values, so it can be repeated.
 */
final class Journal {
  private static final int VALID = 0;
  private static final int SLOT = 4;
  private static final int VALUE = 8;
  private static final int PENDING = 16;
  private static final int OWNER = 24;
  private static final int COUNT = 32;

  private final Segment s;
  private final int at;
  private final int valueAt;
  private final int pendingAt;
  private final int slotsAt;

  Journal(Segment s, int at, int valueAt, int pendingAt, int slotsAt) {
    this.s = s;
    this.at = at;
    this.valueAt = valueAt;
    this.pendingAt = pendingAt;
    this.slotsAt = slotsAt;
  }

  void commit(long value, long pending, int slot, long owner, long count) {
    s.setLong(at + VALUE, value);
    s.setLong(at + PENDING, pending);
    s.setInt(at + SLOT, slot);
    s.setLong(at + OWNER, owner);
    s.setLong(at + COUNT, count);
    s.setInt(at + VALID, 1);
    apply();
  }

  /** Re-applies an update interrupted by the death of the guard's holder, if there is one. */
  void replay() {
    if (s.getInt(at + VALID) != 0) {
      apply();
    }
  }

  private void apply() {
    int slot = s.getInt(at + SLOT);
    if (slot >= 0) {
      s.setLong(slotsAt + slot * 16, s.getLong(at + OWNER));
      s.setLong(slotsAt + slot * 16 + 8, s.getLong(at + COUNT));
    }
    s.setLong(pendingAt, s.getLong(at + PENDING));
    s.setLong(valueAt, s.getLong(at + VALUE));
    s.setInt(at + VALID, 0);
  }
}
