package dev.interleave.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.internal.shm.ProcessIdentity;
import dev.interleave.internal.shm.Segment;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A process that dies while it holds the short guard of a semaphore or barrier, simulated by
 * writing a dead process's code and a journal straight into the segment (offsets from the
 * layout diagrams of SemaphoreCore, Journal and BarrierCore).
 */
@Timeout(30)
class GuardRecoveryTest {
  private static final int BODY = SyncSegment.BODY;
  private static final int GUARD_OWNER = BODY;
  private static final int VALUE = BODY + 64;
  private static final int JOURNAL = BODY + 104;
  private static final int SLOT0 = BODY + 192;
  private static final int SLOTS_USED = BODY + 156;
  private static final int MUTEX_THREAD = BODY + 8;
  private static final int MUTEX_THREAD_PROC = BODY + 40;
  private static long dead;

  /** The code of a process that ran and has exited. */
  @BeforeAll
  static void deadProcess() throws Exception {
    java.lang.Process p = new ProcessBuilder("sleep", "30").start();
    ProcessIdentity id = ProcessIdentity.of(p.toHandle());
    p.destroyForcibly();
    p.waitFor(10, TimeUnit.SECONDS);
    dead = Holders.code(id);
    assertThat(Holders.isDead(dead)).isTrue();
  }

  @Test
  void aValidJournalOfADeadGuardHolderIsReplayed() throws Exception {
    SyncSegment sync = SyncSegment.anonymous(SyncKind.SEMAPHORE, "Semaphore");
    SemaphoreCore sem = SemaphoreCore.create(sync, 3, -1, true);
    Segment s = sync.segment();
    // The dead process was taking a permit into slot 0: slot written, value not yet.
    s.setLong(GUARD_OWNER, dead);
    writeJournal(s, 2, 0, dead, 1);
    s.setInt(SLOTS_USED, 1);
    s.setLong(SLOT0, dead);
    s.setLong(SLOT0 + 8, 1);

    assertThat(sem.tryAcquire()).isTrue();
    assertThat(sem.value()).isEqualTo(1);
    assertThat(sem.heldByThisProcess()).isEqualTo(1);
    assertThat(sem.holderDescription()).contains(Holders.describe(dead) + " (1)");
    assertThat(sem.lastAcquireRecovered()).isFalse();

    assertThat(sem.tryAcquire()).isTrue();
    assertThat(sem.tryAcquire()).isTrue();
    assertThat(sem.lastAcquireRecovered()).isTrue();
    assertThat(sem.recoveredPermits()).isEqualTo(1);
    assertThat(sem.value()).isZero();
    assertThat(sem.heldByThisProcess()).isEqualTo(3);
  }

  @Test
  void anUnfinishedJournalIsNotApplied() {
    SyncSegment sync = SyncSegment.anonymous(SyncKind.SEMAPHORE, "Semaphore");
    SemaphoreCore sem = SemaphoreCore.create(sync, 2, -1, true);
    Segment s = sync.segment();
    // The dead process died while writing the journal, before marking it valid.
    s.setLong(GUARD_OWNER, dead);
    writeJournal(s, 1, 0, dead, 1);
    s.setInt(JOURNAL, 0);

    assertThat(sem.tryAcquire()).isTrue();
    assertThat(sem.value()).isOne();
    assertThat(sem.holderDescription()).isEqualTo(Holders.describe(Holders.self()) + " (1)");
  }

  @Test
  void aBarrierWhoseGuardHolderDiedIsBroken() throws Exception {
    SyncSegment sync = SyncSegment.anonymous(SyncKind.BARRIER, "Barrier");
    BarrierCore barrier = BarrierCore.create(sync, 2, Timeouts.FOREVER);
    sync.segment().setLong(GUARD_OWNER, dead);
    assertThat(barrier.await(TimeUnit.SECONDS.toNanos(5), null, null))
        .isEqualTo(BarrierCore.BROKEN);
    assertThat(barrier.isBroken()).isTrue();
    barrier.reset();
    assertThat(barrier.isBroken()).isFalse();
  }

  @Test
  void aLockWhoseOwnerDiedIsTakenOverAndSaysSo() throws Exception {
    SyncSegment sync = SyncSegment.anonymous(SyncKind.LOCK, "Lock");
    MutexCore lock = MutexCore.of(sync);
    sync.segment().setLong(GUARD_OWNER, dead);
    assertThat(lock.tryAcquire()).isFalse();
    assertThat(lock.tryAcquireOrRecover()).isTrue();
    assertThat(lock.ownerDied()).isTrue();
    assertThat(lock.recoveries()).isOne();
    lock.release();
    assertThat(lock.acquire(0)).isTrue();
    assertThat(lock.ownerDied()).isFalse();
  }

  @Test
  void anRLockTakenOverFromADeadOwnerIsNotReenteredThroughTheDeadOwnersThreadId() {
    SyncSegment sync = SyncSegment.anonymous(SyncKind.RLOCK, "RLock");
    MutexCore rlock = MutexCore.of(sync);
    Segment s = sync.segment();
    // A take-over caught between its CAS and its thread store: the owner word names this
    // process, the thread words still those of the dead owner, whose thread id is this one's.
    s.setLong(GUARD_OWNER, Holders.self() | Long.MIN_VALUE);
    s.setLong(MUTEX_THREAD, Holders.threadId());
    s.setLong(MUTEX_THREAD_PROC, dead);
    assertThat(rlock.isHeldByCurrentThread()).isFalse();
    assertThat(rlock.tryAcquire()).isFalse();
    assertThat(rlock.holdCount()).isZero();
  }

  @Test
  void anRLockRecoveredFromADeadOwnerIsOwnedByTheRecoveringThreadOnly() throws Exception {
    SyncSegment sync = SyncSegment.anonymous(SyncKind.RLOCK, "RLock");
    MutexCore rlock = MutexCore.of(sync);
    Segment s = sync.segment();
    s.setLong(GUARD_OWNER, dead);
    s.setLong(MUTEX_THREAD, Holders.threadId() + 1);
    s.setLong(MUTEX_THREAD_PROC, dead);
    assertThat(rlock.tryAcquireOrRecover()).isTrue();
    assertThat(rlock.ownerDied()).isTrue();
    assertThat(rlock.holdCount()).isOne();
    boolean[] other = new boolean[2];
    Thread t = new Thread(() -> {
      other[0] = rlock.isHeldByCurrentThread();
      other[1] = rlock.tryAcquire();
    });
    t.start();
    t.join();
    assertThat(other).containsExactly(false, false);
  }

  @Test
  void aLockHeldAtExitIsKeptNotRecovered() throws Exception {
    SyncSegment sync = SyncSegment.anonymous(SyncKind.LOCK, "Lock");
    MutexCore lock = MutexCore.of(sync);
    assertThat(lock.acquire(0)).isTrue();
    assertThat(lock.keepIfHeld()).contains("stays locked until another process releases it");
    assertThat(lock.isKept()).isTrue();
    assertThat(lock.ownerDied()).isFalse();
    assertThat(lock.tryAcquireOrRecover()).isFalse();
    assertThat(lock.holderDescription()).endsWith("(exited holding it)");
    lock.release();
    assertThat(lock.tryAcquire()).isTrue();
    assertThat(lock.ownerDied()).isFalse();
  }

  /** Journal entry {value, pending 0, slot, owner, count}, marked valid. */
  private static void writeJournal(Segment s, long value, int slot, long owner, long count) {
    s.setLong(JOURNAL + 8, value);
    s.setLong(JOURNAL + 16, 0);
    s.setInt(JOURNAL + 4, slot);
    s.setLong(JOURNAL + 24, owner);
    s.setLong(JOURNAL + 32, count);
    s.setInt(JOURNAL, 1);
  }
}
