package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A process that exits normally while holding a lock or permit keeps it (as CPython), with a
 * warning; only a holder killed by a signal is recovered from.
 */
@Timeout(120)
class HeldAtExitAcrossProcessesTest {
  private static final Duration SHORT = Duration.ofMillis(500);
  private final Children children = new Children();
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(new TeeStream(originalErr, captured), true,
        StandardCharsets.UTF_8));
  }

  @AfterEach
  void cleanUp() throws InterruptedException {
    System.setErr(originalErr);
    children.killAll();
  }

  private String stderr() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  static void takeOne(Semaphore sem) throws InterruptedException {
    sem.acquire();
  }

  static void takeOneAndExit(Semaphore sem, Integer code) throws InterruptedException {
    sem.acquire();
    System.exit(code);
  }

  @Test
  void aSignalPermitTakenByAChildThatExitsIsNeverRefilled() throws Exception {
    Semaphore sem = new Semaphore(0);
    sem.release();
    Process p = children.start(new Process(HeldAtExitAcrossProcessesTest::takeOne, sem));
    assertThat(Children.exitCodeOf(p)).isZero();
    assertThat(sem.acquire(SHORT)).isFalse();
    assertThat(sem.value()).isZero();
    assertThat(sem.keptPermits()).isOne();
    assertThat(sem.recoveredPermits()).isZero();
    assertThat(stderr()).contains(p.name() + " (pid " + p.pid() + ") exited holding 1 permit of "
        + "Semaphore[");
  }

  @Test
  void aPermitHeldAtSystemExitStaysTaken() throws Exception {
    Semaphore sem = new Semaphore(1);
    Process p = children.start(new Process(HeldAtExitAcrossProcessesTest::takeOneAndExit, sem,
        3));
    assertThat(Children.exitCodeOf(p)).isEqualTo(3);
    assertThat(sem.tryAcquire()).isFalse();
    assertThat(sem.keptPermits()).isOne();
  }

  static void holdUntilKilled(Semaphore sem, Event holding) throws InterruptedException {
    sem.acquire();
    holding.set();
    new Event().await();
  }

  @Test
  void aSemaphoreWithoutRecoveryKeepsThePermitOfAKilledHolder() throws Exception {
    Semaphore sem = Semaphore.withoutRecovery(0);
    sem.release();
    Event holding = new Event();
    Process p = children.start(new Process(HeldAtExitAcrossProcessesTest::holdUntilKilled, sem,
        holding));
    assertThat(holding.await(Children.WAIT)).isTrue();
    p.kill();
    assertThat(Children.exitCodeOf(p)).isEqualTo(-9);
    assertThat(sem.acquire(SHORT)).isFalse();
    assertThat(sem.previousOwnerDied()).isFalse();
    assertThat(sem.recoversPermits()).isFalse();
    assertThat(sem.value()).isZero();
  }

  @Test
  void aPermitOfAKilledHolderIsRecoveredAndReported() throws Exception {
    Semaphore sem = new Semaphore(0);
    sem.release();
    Event holding = new Event();
    Process p = children.start(new Process(HeldAtExitAcrossProcessesTest::holdUntilKilled, sem,
        holding));
    assertThat(holding.await(Children.WAIT)).isTrue();
    p.terminate();
    assertThat(Children.exitCodeOf(p)).isEqualTo(-15);
    assertThat(sem.acquire(Children.WAIT)).isTrue();
    assertThat(sem.previousOwnerDied()).isTrue();
  }

  static void lockAndReturn(Lock lock) throws InterruptedException {
    lock.acquire();
  }

  @Test
  void aLockHeldByAChildThatExitsStaysLockedUntilReleased() throws Exception {
    Lock lock = new Lock();
    Process p = children.start(new Process(HeldAtExitAcrossProcessesTest::lockAndReturn, lock));
    assertThat(Children.exitCodeOf(p)).isZero();
    assertThat(lock.acquire(SHORT)).isFalse();
    assertThat(lock.isLocked()).isTrue();
    assertThat(lock.toString()).contains("exited holding it");
    assertThat(stderr()).contains(p.name() + " (pid " + p.pid() + ") exited holding Lock[")
        .contains("it stays locked until another process releases it");
    lock.release();
    assertThat(lock.tryAcquire()).isTrue();
    assertThat(lock.previousOwnerDied()).isFalse();
  }

  static void rlockAndThrow(RLock lock) throws InterruptedException {
    lock.acquire();
    throw new IllegalStateException("target fails while owning the lock");
  }

  @Test
  void anRLockOwnedByAChildThatExitsStaysLockedForGood() throws Exception {
    RLock lock = new RLock();
    Process p = children.start(new Process(HeldAtExitAcrossProcessesTest::rlockAndThrow, lock));
    assertThat(Children.exitCodeOf(p)).isOne();
    assertThat(lock.acquire(SHORT)).isFalse();
    assertThatThrownBy(lock::release).isInstanceOf(IllegalMonitorStateException.class);
    assertThat(stderr()).contains("exited holding RLock[");
  }

  /** Copies what is written to two streams. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
