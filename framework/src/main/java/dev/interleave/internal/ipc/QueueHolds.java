package dev.interleave.internal.ipc;

import java.util.HashMap;
import java.util.Map;

/**
 * This process's slots in the holder tables of the queues it has open: one slot a queue however
 * many handles of it the process opened (a pool worker deserializes a queue argument with every
 * task), counted here and freed when the last handle is closed or collected.
 */
final class QueueHolds {
  private static final Map<String, Hold> HELD = new HashMap<>();

  private QueueHolds() {}

  private static final class Hold {
    final int slot;
    int handles;

    Hold(int slot) {
      this.slot = slot;
    }
  }

  /**
   * Counts one more handle of {@code queue} in this process; takes a slot for the first, with
   * {@code transit} (a reservation made for this handle, or null) if there is one.
   */
  static synchronized void open(QueueSegment queue, EndTable.Reservation transit) {
    Hold hold = HELD.get(queue.segment.name());
    if (hold != null) {
      if (transit != null) {
        queue.holders.revoke(transit); // the process's slot already keeps the queue
      }
    } else {
      int slot = transit == null ? queue.holders.open() : queue.holders.redeem(transit);
      hold = new Hold(slot);
      HELD.put(queue.segment.name(), hold);
    }
    hold.handles++;
  }

  /** Counts one handle of {@code queue} less; frees the process's slot after the last. */
  static synchronized void close(EndTable holders, String queue) {
    Hold hold = HELD.get(queue);
    if (hold != null && --hold.handles == 0) {
      HELD.remove(queue);
      holders.close(hold.slot);
    }
  }
}
