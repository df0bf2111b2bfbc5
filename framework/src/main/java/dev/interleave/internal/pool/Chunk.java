package dev.interleave.internal.pool;

/**
 * Consecutive tasks of one job sent to a worker as one TASKS message (CPython's chunk): {@code
 * count} tasks starting at position {@code start} of the job, their arguments already encoded.
 */
public final class Chunk {
  final Job job;
  final int index;
  final int start;
  final int count;
  final FunctionCache.Entry func;
  final byte[] body;
  /** Pool lock: when it was sent to a worker. */
  long sentAt;

  /** A chunk of {@code job}; {@code body} is {@link #encode}d argument lists. */
  public Chunk(Job job, int index, int start, int count, FunctionCache.Entry func, byte[] body) {
    this.job = job;
    this.index = index;
    this.start = start;
    this.count = count;
    this.func = func;
    this.body = body;
  }

  /**
   * Encodes argument lists for a chunk.
   *
   * @throws IllegalArgumentException naming the class of an argument that cannot be serialized
   */
  public static byte[] encode(java.util.List<Object[]> argLists) {
    return Messages.encodeArgs(argLists);
  }

  /** The chunk's index in its job. */
  public int index() {
    return index;
  }

  @Override
  public String toString() {
    return count == 1 ? "task " + start : "tasks " + start + ".." + (start + count - 1);
  }
}
