package dev.interleave.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.mp.Children;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A queue producer killed with {@code kill -9} in the middle of putting a multi-megabyte item:
 * the consumer gets every item whole or not at all, never a corrupt or partial one, none lost
 * or twice, and the queue goes on working for the other processes.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ProducerKilledMidPutTest {
  @RegisterExtension
  final Children children = new Children();

  @Test
  void theConsumerGetsEveryItemWholeOrNotAtAll() throws Exception {
    KillMidWrite kills = new KillMidWrite(children, 11);
    int rounds = FaultSize.pick(4, 60);
    for (int r = 0; r < rounds; r++) {
      Queue<byte[]> q = new Queue<>();
      Progress progress = new Progress();
      Process producer = new Process(FaultTargets::putForever, q, progress,
          KillMidWrite.ITEM_BYTES);
      kills.round(producer, progress, tally -> {
        for (byte[] item = q.get(Children.WAIT); item != null; item = q.get(Children.WAIT)) {
          tally.accept(item);
        }
        return System.nanoTime();
      }, () -> { }, () -> put(q, null)); // a put of another process gets through after the kill
      q.close();
    }
    assertThat(kills.midWrite()).as("kills that landed inside a put").isPositive();
    Figures.report("Queue producer killed mid-put", kills.figure("the end marker put after it"
        + " got"));
  }

  private static void put(Queue<byte[]> q, byte[] item) {
    try {
      q.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
