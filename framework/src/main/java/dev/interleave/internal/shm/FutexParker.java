package dev.interleave.internal.shm;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@link Parker} over Linux's {@code futex(2)} on the mapped word, called through JNA.
 *
 * <p>Trade-off: a blocked waiter costs no CPU and is woken directly by the kernel; each call
 * costs a system call plus a JNA direct-mapped transition (a fraction of a microsecond), so
 * callers spin briefly before parking. Shared (not {@code FUTEX_PRIVATE}) operations are used
 * because waiters live in other processes. A Java interrupt does not end the system call:
 * callers wait in bounded slices and re-check {@link Thread#interrupted()} between them.
 *
 * <p>libc's variadic {@code syscall} is bound with a fixed prototype of integer arguments (JNA
 * direct mapping, much cheaper than an interface proxy): on the Linux x86-64 and AArch64 calling
 * conventions integer arguments are passed the same way to variadic and fixed functions.
 */
final class FutexParker implements Parker {
  private static final int FUTEX_WAIT = 0;
  private static final int FUTEX_WAKE = 1;

  private final long sysFutex;
  private final ThreadLocal<Memory> timespec = ThreadLocal.withInitial(() -> new Memory(16));

  private FutexParker(long sysFutex) {
    this.sysFutex = sysFutex;
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
    Native.register(FutexParker.class, Libc.library());
    return Optional.of(new FutexParker(number));
  }

  /** libc {@code long syscall(long number, ...)}, here with the futex arguments. */
  private static native long syscall(long number, long uaddr, int op, int val, long timeout,
      long uaddr2, int val3);

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
    syscall(sysFutex, address(segment) + offset, FUTEX_WAIT, expected, Pointer.nativeValue(ts),
        0, 0);
    // EAGAIN (value changed), ETIMEDOUT and EINTR all mean: re-check the condition.
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  @Override
  public void wake(Segment segment, int offset, int count) {
    syscall(sysFutex, address(segment) + offset, FUTEX_WAKE, count, 0, 0, 0);
  }

  @Override
  public void prepare(Segment segment) {
    timespec.get();
    wake(segment, 0, 0); // links the native call and caches the mapping's address
  }

  private static long address(Segment segment) {
    long a = segment.nativeAddress();
    if (a == 0) {
      a = Pointer.nativeValue(Native.getDirectBufferPointer(segment.buffer()));
      segment.nativeAddress(a);
    }
    return a;
  }
}
