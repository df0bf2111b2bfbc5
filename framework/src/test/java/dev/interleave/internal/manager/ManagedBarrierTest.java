package dev.interleave.internal.manager;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The manager's barrier keeps CPython's states: abort breaks it until reset. */
@Timeout(60)
class ManagedBarrierTest {

  @Test
  void anAbortedBarrierStaysBrokenUntilReset() throws InterruptedException {
    ManagedBarrier b = new ManagedBarrier(2);
    b.abort();
    assertThat(b.broken()).isTrue();
    assertThat(b.await(-1)).as("a wait on an aborted barrier fails at once").isEqualTo(-1);
    b.reset();
    assertThat(b.broken()).isFalse();
    assertThat(b.await(1_000_000L)).as("a lone party times out").isEqualTo(-1);
    assertThat(b.broken()).as("a timeout breaks the barrier").isTrue();
  }
}
