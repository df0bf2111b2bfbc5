package dev.interleave.internal.shm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process as (pid, start time), so that a recycled pid is never mistaken for the process that
 * stored it.
 *
 * <p>The start time is the kernel's process start instant in milliseconds since the epoch (as
 * {@link ProcessHandle.Info#startInstant()} reports it), or 0 where the platform does not tell.
 *
 * @param pid the operating-system process id
 * @param startMillis the start instant in epoch milliseconds, or 0 when unknown
 */
public record ProcessIdentity(long pid, long startMillis) {

  private static final ProcessIdentity CURRENT = of(ProcessHandle.current());

  /** The identity of this JVM's process. */
  public static ProcessIdentity current() {
    return CURRENT;
  }

  /** The identity of {@code handle}, reading its start instant once. */
  public static ProcessIdentity of(ProcessHandle handle) {
    return new ProcessIdentity(handle.pid(), startMillis(handle));
  }

  private static long startMillis(ProcessHandle handle) {
    return handle.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
  }

  /**
   * Whether the process is still running: a live process with this pid whose start time matches
   * (a tolerance of 10 ms absorbs clock-tick rounding of the start instant), and which is not a
   * zombie (exited, not yet reaped by its parent; {@link ProcessHandle#isAlive()} counts those).
   */
  public boolean isAlive() {
    if (pid == CURRENT.pid) {
      return startMillis == 0 || CURRENT.startMillis == 0 || Math.abs(startMillis - CURRENT.startMillis) <= 10;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive() || hasExited(pid)) {
      return false;
    }
    long actual = startMillis(handle.get());
    return startMillis == 0 || actual == 0 || Math.abs(actual - startMillis) <= 10;
  }

  /**
   * Whether {@code pid} is a process that has exited but was not reaped yet (a zombie), as
   * {@code /proc/<pid>/stat} tells on Linux; false where there is no such file.
   */
  public static boolean hasExited(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int end = stat.lastIndexOf(')');
      char state = end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
      return state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "pid " + pid;
  }
}
