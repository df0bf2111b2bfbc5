package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * The root of the unchecked exceptions this runtime throws for failures of processes and their
 * communication (as opposed to misuse, which is reported with {@link IllegalStateException} or
 * {@link IllegalArgumentException}).
 */
@API(status = API.Status.EXPERIMENTAL)
public class ProcessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public ProcessException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public ProcessException(String message, Throwable cause) {
    super(message, cause);
  }
}
