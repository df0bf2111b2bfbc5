package dev.interleave.internal.pool;

/**
 * The chunks of one job, produced when a worker can take them (so that {@code imap} over a long
 * iterator holds only what workers are about to run). Called with the pool's lock held.
 */
public interface Source {
  /** The next chunk, or null when there is none left. */
  Chunk next();

  /** The job the chunks belong to. */
  Job job();
}
