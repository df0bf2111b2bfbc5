package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.ProcessIdentity;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipe ends a thread hands to a child it is starting: their reservations are made in the
 * starting process's name while the child's arguments are serialized, and move to the child once
 * its pid is known, so that a child that dies before it opens them stops counting as a holder at
 * once (as a file descriptor inherited by a child closes when the child dies), instead of when
 * the reservation expires.
 *
 * <pre>{@code
 * try (HandOffs.Batch batch = HandOffs.begin()) {
 *   byte[] payload = serialize(process);      // ends passed as arguments reserve slots
 *   ChildHandle child = launch(payload);
 *   batch.deliverTo(child.pid());             // the slots now count while the child lives
 * }                                           // not delivered (launch failed): slots freed
 * }</pre>
 */
public final class HandOffs {
  private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();

  private HandOffs() {}

  /** Starts collecting the reservations this thread makes, until the batch is closed. */
  public static Batch begin() {
    Batch batch = new Batch(CURRENT.get());
    CURRENT.set(batch);
    return batch;
  }

  /** Adds a reservation to this thread's batch, if one is open. */
  static void collect(EndTable table, EndTable.Reservation r) {
    Batch batch = CURRENT.get();
    if (batch != null) {
      batch.reserved.add(new Reserved(table, r));
    }
  }

  private record Reserved(EndTable table, EndTable.Reservation reservation) {}

  /** The reservations made for one child. */
  public static final class Batch implements AutoCloseable {
    private final Batch outer;
    private final List<Reserved> reserved = new ArrayList<>();
    private boolean delivered;

    private Batch(Batch outer) {
      this.outer = outer;
    }

    /** Moves every reservation to the process {@code pid}, the child that will redeem them. */
    public void deliverTo(long pid) {
      delivered = true;
      long token = ProcessHandle.of(pid).map(h -> OwnerToken.of(ProcessIdentity.of(h))).orElse(0L);
      for (Reserved r : reserved) {
        if (token == 0) {
          r.table().revoke(r.reservation());
        } else {
          r.table().transfer(r.reservation(), token);
        }
      }
    }

    /** Ends the batch; reservations never delivered are freed (no child will redeem them). */
    @Override
    public void close() {
      CURRENT.set(outer);
      if (!delivered) {
        for (Reserved r : reserved) {
          r.table().revoke(r.reservation());
        }
      }
    }
  }
}
