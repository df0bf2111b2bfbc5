package dev.interleave.internal.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.internal.shm.SharedMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A queue's holder table in one process: handles counted per process, stand-ins in transit. */
@Timeout(30)
class QueueHoldersTest {

  @Test
  void handlesOpenedInOneProcessShareItsSlotAndTheLastCloseRemovesTheFile() {
    QueueChannel q = QueueChannel.create(0);
    Path file = q.segment().path();
    List<QueueChannel> copies = new ArrayList<>();
    for (int i = 0; i < EndTable.SLOTS + 10; i++) {
      copies.add(q.handOff().open()); // more handles than slots: one slot for the process
    }
    q.close();
    for (QueueChannel c : copies.subList(1, copies.size())) {
      c.close();
    }
    assertTrue(Files.exists(file), "one handle still open");
    copies.get(0).close();
    assertFalse(Files.exists(file), "no handle left, none in transit");
  }

  @Test
  void aQueueWatchedAfterACloseIsForgottenOnceItsFileIsGoneByOtherMeans() {
    QueueChannel q = QueueChannel.create(0);
    Path file = q.segment().path();
    QueueChannel copy = q.handOff().open();
    q.close();
    assertTrue(LastHolderWatch.isWatched(file), "a close that left a holder is watched");
    SharedMemory.unlink(q.segment().name()); // as a harness worker's end of task removes it
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
        .until(() -> !LastHolderWatch.isWatched(file));
    copy.close();
  }

  @Test
  void standInsBeyondTheTableTravelWithoutAReservationAndStillOpen() {
    QueueChannel q = QueueChannel.create(0);
    String name = q.segment().name();
    try {
      for (int i = 0; i < EndTable.SLOTS; i++) {
        q.handOff(); // never opened: each holds a slot in transit
      }
      QueueChannel.Handle late = q.handOff();
      assertEquals(-1, late.slot(), "no slot left to reserve");
      QueueChannel opened = late.open();
      opened.close();
      q.close();
      assertTrue(Files.exists(q.segment().path()), "stand-ins in transit hold the queue");
    } finally {
      SharedMemory.unlink(name);
    }
  }
}
