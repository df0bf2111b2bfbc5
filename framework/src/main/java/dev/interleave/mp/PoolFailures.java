package dev.interleave.mp;

import dev.interleave.internal.pool.Failure;
import java.util.concurrent.CancellationException;

/** Turns a pool's {@link Failure} into the exception its caller gets. */
final class PoolFailures {
  private PoolFailures() {}

  static Throwable toException(Failure f) {
    return switch (f.kind()) {
      case RAISED -> raised(f);
      case LOST -> new WorkerLostException(f.message(), f.worker());
      case BROKEN -> new BrokenPoolException(f.message(), withTrace(f));
      case TERMINATED, CANCELLED -> new CancellationException(f.message());
    };
  }

  /** The task's own exception, with the worker's trace as its cause, or a stand-in. */
  private static Throwable raised(Failure f) {
    Throwable error = withTrace(f);
    if (error instanceof RuntimeException || error instanceof Error) {
      return error;
    }
    if (error != null) {
      return new TaskFailedException(f.message(), error);
    }
    return new TaskFailedException(f.message(), remote(f));
  }

  private static Throwable withTrace(Failure f) {
    Throwable error = f.error();
    if (error == null || f.remoteStack() == null) {
      return error;
    }
    if (error.getCause() instanceof RemoteTraceback
        || java.util.Arrays.stream(error.getSuppressed()).anyMatch(RemoteTraceback.class::isInstance)) {
      return error;
    }
    RemoteTraceback trace = remote(f);
    trace.setStackTrace(error.getStackTrace());
    try {
      error.initCause(trace);
    } catch (IllegalStateException | IllegalArgumentException causeAlreadySet) {
      error.addSuppressed(trace);
    }
    return error;
  }

  private static RemoteTraceback remote(Failure f) {
    return new RemoteTraceback(f.worker(), f.remoteStack() == null ? "" : f.remoteStack());
  }
}
