package dev.interleave.internal.shm;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@link Parker} over Linux's {@code futex(2)} on the mapped word, called through JNA.
 *
 * <p>Trade-off: a blocked waiter costs no CPU and is woken directly by the kernel; each call
 * costs a JNA transition (about a microsecond), so callers spin briefly before parking.
 * Shared (not {@code FUTEX_PRIVATE}) operations are used because waiters live in other
 * processes. A Java interrupt does not end the system call: callers wait in bounded slices and
 * re-check {@link Thread#interrupted()} between them.
 */
final class FutexParker implements Parker {
  private static final int FUTEX_WAIT = 0;
  private static final int FUTEX_WAKE = 1;

  /** The subset of libc we call. */
  interface LibC extends Library {
    NativeLong syscall(NativeLong number, Object... args);
  }

  private final LibC libc;
  private final NativeLong sysFutex;
  private final ThreadLocal<Memory> timespec = ThreadLocal.withInitial(() -> new Memory(16));

  private FutexParker(LibC libc, long sysFutex) {
    this.libc = libc;
    this.sysFutex = new NativeLong(sysFutex);
  }

  static Optional<FutexParker> create() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.contains("linux")) {
      return Optional.empty();
    }
    long number;
    switch (arch) {
      case "amd64", "x86_64" -> number = 202;
      case "aarch64" -> number = 98;
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(new FutexParker(Native.load("c", LibC.class), number));
  }

  @Override
  public void await(Segment segment, int offset, int expected, long timeoutNanos)
      throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    long nanos = Math.max(1, timeoutNanos);
    Memory ts = timespec.get();
    ts.setLong(0, nanos / 1_000_000_000L);
    ts.setLong(8, nanos % 1_000_000_000L);
    Pointer word = Native.getDirectBufferPointer(segment.buffer()).share(offset);
    libc.syscall(sysFutex, word, FUTEX_WAIT, expected, ts, null, 0);
    // EAGAIN (value changed), ETIMEDOUT and EINTR all mean: re-check the condition.
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  @Override
  public void wake(Segment segment, int offset, int count) {
    Pointer word = Native.getDirectBufferPointer(segment.buffer()).share(offset);
    libc.syscall(sysFutex, word, FUTEX_WAKE, count, null, null, 0);
  }
}
