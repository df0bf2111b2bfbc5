package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * A hold on a {@link Lock}, {@link RLock}, {@link Semaphore}, {@link BoundedSemaphore} or
 * {@link Condition}, released by {@link #close()}: Java's spelling of Python's {@code with lock:}.
 *
 * <pre>{@code
 * try (Held held = lock.hold()) {
 *   // critical section
 * }
 * }</pre>
 *
 * <p>A hold belongs to the thread that took it; closing it a second time does nothing. The
 * primitives themselves are not {@link AutoCloseable}: their {@code close()} releases their
 * shared resources, which {@code try (lock) {...}} would do by mistake.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Held implements AutoCloseable {
  private final Runnable release;
  private boolean released;

  Held(Runnable release) {
    this.release = release;
  }

  /** Releases the hold (once; later calls do nothing). */
  @Override
  public void close() {
    if (!released) {
      released = true;
      release.run();
    }
  }
}
