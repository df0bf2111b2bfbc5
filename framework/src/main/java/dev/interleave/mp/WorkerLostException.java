package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * The pool worker that ran a task died before answering (killed, {@code System.exit}, a crash
 * of its JVM). The message names the worker, its pid and exit status, and the tasks it held; the
 * pool replaces the worker and its other tasks run on. CPython's {@code Pool} hangs in this case
 * (gh-66587); its {@code ProcessPoolExecutor} breaks the whole pool.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class WorkerLostException extends ProcessException {
  private static final long serialVersionUID = 1L;
  private final String worker;

  /** The loss of {@code worker}, described by {@code message}. */
  public WorkerLostException(String message, String worker) {
    super(message);
    this.worker = worker;
  }

  /** The name of the worker process that died. */
  public String worker() {
    return worker;
  }
}
