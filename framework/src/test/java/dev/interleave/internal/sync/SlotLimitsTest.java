package dev.interleave.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.internal.shm.ProcessIdentity;
import dev.interleave.internal.shm.Segment;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The holder table of a semaphore and the wait queue of a condition take far more entries than
 * realistic use needs, and fail clearly beyond. Other holder processes are simulated by writing
 * a live process's code into the semaphore's slots (offsets from SemaphoreCore's layout).
 */
@Timeout(60)
class SlotLimitsTest {
  private static final int SLOTS_USED = SyncSegment.BODY + 156;
  private static final int SLOT0 = SyncSegment.BODY + 192;
  private static java.lang.Process other;
  private static long otherCode;

  @BeforeAll
  static void liveProcess() throws Exception {
    other = new ProcessBuilder("sleep", "60").start();
    otherCode = Holders.code(ProcessIdentity.of(other.toHandle()));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    other.destroyForcibly();
    other.waitFor(10, TimeUnit.SECONDS);
  }

  private static SemaphoreCore semaphoreHeldBy(int holders) {
    SyncSegment sync = SyncSegment.anonymous(SyncKind.SEMAPHORE, "Semaphore");
    SemaphoreCore sem = SemaphoreCore.create(sync, 1, -1, true);
    Segment s = sync.segment();
    for (int i = 0; i < holders; i++) {
      s.setLong(SLOT0 + i * 16, otherCode);
      s.setLong(SLOT0 + i * 16 + 8, 1);
    }
    s.setInt(SLOTS_USED, holders);
    return sem;
  }

  @Test
  void aSemaphoreTakesAHolderBeyondTheOldLimitOf64() {
    SemaphoreCore sem = semaphoreHeldBy(200);
    assertThat(sem.tryAcquire()).isTrue();
    assertThat(sem.heldByThisProcess()).isOne();
    sem.release();
    assertThat(sem.value()).isOne();
  }

  @Test
  void aSemaphoreWhoseHolderTableIsFullFailsClearly() {
    SemaphoreCore sem = semaphoreHeldBy(SemaphoreCore.SLOTS);
    assertThatThrownBy(sem::tryAcquire).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1024 processes already hold permits, the most supported")
        .hasMessageContaining(Holders.describe(Holders.self()) + " cannot take one");
    assertThat(sem.value()).isOne();
  }

  @Test
  void aSemaphoreWithoutRecoveryHasNoHolderLimit() {
    SyncSegment sync = SyncSegment.anonymous(SyncKind.SEMAPHORE, "Semaphore");
    SemaphoreCore sem = SemaphoreCore.create(sync, 2, -1, false);
    assertThat(sem.tryAcquire()).isTrue();
    assertThat(sem.heldByThisProcess()).isZero();
    assertThat(sem.holderDescription()).isEqualTo("untracked");
    assertThat(sem.keepIfHeld()).isNull();
    assertThat(sem.value()).isOne();
  }

  @Test
  void aConditionQueuesAThousandWaitersAndFailsClearlyBeyond() {
    ConditionCore cond = new ConditionCore(SyncSegment.anonymous(SyncKind.CONDITION, "Condition"));
    for (int i = 0; i < ConditionCore.SLOTS; i++) {
      cond.register();
    }
    assertThat(cond.waiting()).isEqualTo(1024);
    assertThatThrownBy(cond::register).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1024 threads are already waiting, the most supported");
    assertThat(cond.notify(1)).isOne();
    assertThat(cond.waiting()).isEqualTo(1023);
  }
}
