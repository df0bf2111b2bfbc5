package dev.interleave.internal.runtime;

import dev.interleave.internal.shm.SharedMemory;

/**
 * Makes SIGTERM end a child at once, as it ends a CPython child: no further line of user code
 * runs after {@code terminate()}, whatever the child's threads hold.
 *
 * <p>A JVM's own SIGTERM handling runs shutdown hooks while application threads keep running,
 * so a terminated daemon could go on printing for a while. The handler removes this process's
 * shared-memory files, gives the standard streams at most {@value #FLUSH_MILLIS} ms to flush
 * (on another thread: a thread of the child may hold {@code System.out}'s monitor for good) and
 * halts with status 143 (the parent reports -15). SIGINT and SIGHUP keep the JVM's handling
 * (shutdown hooks, then status 128+N), recorded first so that the exit is reported as a
 * signal (see {@link ExitReport}). Where the JDK does not offer {@code sun.misc.Signal}, the
 * JVM's default handling stays.
 */
final class TermSignal {
  private static final int SIGNAL_BASE = 128;
  private static final int STATUS = SIGNAL_BASE + 15;
  private static final long FLUSH_MILLIS = 200;

  private TermSignal() {}

  @SuppressWarnings("restriction")
  static void dieAtOnce() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> halt());
      for (String name : new String[] {"INT", "HUP"}) {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
          ExitReport.signalled();
          Children.signalled();
          System.exit(SIGNAL_BASE + signal.getNumber());
        });
      }
    } catch (IllegalArgumentException | LinkageError e) {
      // keep the JVM's default handling
    }
  }

  private static void halt() {
    try {
      SharedMemory.removeOwned();
      Thread flusher = new Thread(TermSignal::flush, "interleave-term-flush");
      flusher.setDaemon(true);
      flusher.start();
      flusher.join(FLUSH_MILLIS);
    } catch (InterruptedException | RuntimeException e) {
      // halting matters more than flushing
    } finally {
      Runtime.getRuntime().halt(STATUS);
    }
  }

  private static void flush() {
    System.out.flush();
    System.err.flush();
  }
}
