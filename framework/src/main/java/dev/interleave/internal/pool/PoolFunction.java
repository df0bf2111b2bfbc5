package dev.interleave.internal.pool;

import java.io.Serializable;

/** A task's function as a worker calls it: the public task interfaces adapted to one shape. */
public interface PoolFunction extends Serializable {
  /** Calls the function with {@code args}; runs in a worker process. */
  Object apply(Object[] args) throws Exception;

  /** The user's function object: what identifies the function for caching in workers. */
  Object identity();
}
