package dev.interleave.internal.runtime;

/** The kinds of runtime operation that are scheduling points. */
public enum Op {
  START, EXIT, JOIN, TERMINATE,
  ACQUIRE, RELEASE,
  WAIT, NOTIFY, SET, CLEAR,
  BARRIER_WAIT, ABORT, RESET,
  PUT, GET,
  SEND, RECV, POLL,
  SLEEP,
  /** A user-defined point ({@code point(label)}), for example around a file read. */
  USER,
  /**
   * A query that only observes shared state ({@code isAlive}, {@code exitCode}, {@code isSet},
   * {@code isLocked}): two queries of one object never race with each other.
   */
  QUERY,
  /** A read of a shared value or array ({@code Value.get}) or a reading proxy call. */
  READ,
  /** A write of a shared value or array ({@code Value.set}, {@code incrementAndGet}). */
  WRITE,
  /** A call on a manager's proxy (a request to the manager's server). */
  CALL,
  /** A pool hands a chunk of tasks to a worker. */
  POOL_DISPATCH,
  /** A pool worker starts a task. */
  POOL_TASK,
  /** A pool worker has delivered a chunk's results. */
  POOL_RESULT,
  /** A pool's worker started or was seen to die. */
  POOL_WORKER,
  /** A listener accepts a connection (blocks until a client connects). */
  ACCEPT,
  /** A client connects to a listener. */
  CONNECT,
  /** A connection or listener is closed (the peer may then see the end of the stream). */
  CLOSE
}
