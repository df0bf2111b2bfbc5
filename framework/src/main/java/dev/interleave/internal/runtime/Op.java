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
  /** A read of a shared value or array ({@code Value.get}) or a reading proxy call. */
  READ,
  /** A write of a shared value or array ({@code Value.set}, {@code incrementAndGet}). */
  WRITE,
  /** A call on a manager's proxy (a request to the manager's server). */
  CALL
}
