package dev.interleave.internal.pool;

import java.util.List;

/**
 * Where the results of a job's chunks go. Called on pool threads, never with a pool lock held;
 * implementations run user callbacks there, as CPython's result handler thread does.
 */
public interface Job {
  /** The results of chunk {@code index}, in task order. */
  void chunkDone(int index, List<Object> values);

  /** Chunk {@code index} has no results. */
  void chunkFailed(int index, Failure failure);

  /**
   * The job's remaining tasks, whatever chunks they would have formed, will not run (the pool
   * was terminated or broke, or its argument iterator threw); chunks already answered stand.
   */
  void jobFailed(Failure failure);

  /** Whether the job's chunks that have not started should be skipped (it was cancelled). */
  default boolean abandoned() {
    return false;
  }
}
