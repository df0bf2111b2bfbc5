package dev.interleave.internal.runtime;

import dev.interleave.internal.shm.SharedMemory;

/**
 * Makes SIGTERM end a child at once, as it ends a CPython child: no further line of user code
 * runs after {@code terminate()}.
 *
 * <p>A JVM's own SIGTERM handling runs shutdown hooks while application threads keep running,
 * so a terminated daemon could go on printing for a while. The handler removes this process's
 * shared-memory files, flushes the standard streams and halts with status 143 (the parent
 * reports -15). Where the JDK does not offer {@code sun.misc.Signal}, the JVM's default
 * handling stays.
 */
final class TermSignal {
  private static final int STATUS = 128 + 15;

  private TermSignal() {}

  @SuppressWarnings("restriction")
  static void dieAtOnce() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> {
        SharedMemory.removeOwned();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(STATUS);
      });
    } catch (IllegalArgumentException | LinkageError e) {
      // keep the JVM's default handling
    }
  }
}
