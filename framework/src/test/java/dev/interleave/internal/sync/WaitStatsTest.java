package dev.interleave.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.mp.Lock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Parks on a primitive are counted; futile wake-ups are some of them. */
@Timeout(60)
class WaitStatsTest {
  @Test
  void aWaiterThatParksIsCounted() throws Exception {
    Lock lock = new Lock();
    try {
      lock.acquire();
      long parks = WaitStats.parks();
      AtomicBoolean got = new AtomicBoolean();
      Thread waiter = new Thread(() -> {
        try {
          lock.acquire();
          got.set(true);
          lock.release();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      waiter.start();
      Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> WaitStats.parks() > parks);
      lock.release();
      waiter.join(30_000);
      assertThat(got).isTrue();
      assertThat(WaitStats.futileWakeUps()).isBetween(0L, WaitStats.parks());
    } finally {
      lock.close();
    }
  }
}
