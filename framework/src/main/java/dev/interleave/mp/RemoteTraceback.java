package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * The stack trace of an exception as it was thrown in a pool worker, attached as the cause of
 * the exception that {@link AsyncResult#get()} rethrows (CPython's {@code RemoteTraceback}). Its
 * message names the worker and holds the worker's formatted stack trace, causes included; its own
 * stack trace is the worker's.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class RemoteTraceback extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** A remote trace of the task's exception in {@code worker}, with its text {@code trace}. */
  public RemoteTraceback(String worker, String trace) {
    super("in pool worker " + worker + ":\n" + trace);
  }
}
