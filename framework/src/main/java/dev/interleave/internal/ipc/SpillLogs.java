package dev.interleave.internal.ipc;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spill logs of one queue that this process has mapped, by number, in the queue's spill
 * directory, and the queue's account of their bytes against its limit.
 */
final class SpillLogs {
  /** Size of a spill log unless an item or the remaining limit asks for another. */
  static final int DEFAULT_BYTES = Integer.getInteger("interleave.queue.spillBytes", 8 << 20);

  private final QueueSegment queue;
  private final String name;
  private final Path dir;
  private final ConcurrentHashMap<Integer, SpillLog> mapped = new ConcurrentHashMap<>();

  SpillLogs(QueueSegment queue, Path dir) {
    this.queue = queue;
    this.name = queue.segment.name();
    this.dir = dir;
  }

  /** Maps log {@code number}, created by any process. */
  SpillLog get(int number) {
    return mapped.computeIfAbsent(number, n -> new SpillLog(n, MappedFile.attach(path(n))));
  }

  private Path path(int number) {
    return dir.resolve(name + "." + SpillLog.suffix(number));
  }

  /**
   * Creates log {@code number} big enough for a frame of {@code length} bytes.
   *
   * @throws IpcFailure of kind {@link IpcFailure.Kind#NO_SPACE} if the queue's spill limit or
   *     the spill directory's file system has no room for it
   */
  SpillLog create(int number, int length) {
    long need = SpillLog.sizeFor(length);
    long limit = queue.longAt(QueueSegment.SPILL_LIMIT);
    long inUse = queue.longAt(QueueSegment.SPILL_BYTES);
    long size = Math.max(need, Math.min(DEFAULT_BYTES, limit - inUse));
    if (inUse + need > limit || size > Integer.MAX_VALUE) {
      throw overLimit(length, limit, inUse);
    }
    long before = queue.addLong(QueueSegment.SPILL_BYTES, size);
    if (before + size > limit) {
      queue.addLong(QueueSegment.SPILL_BYTES, -size);
      throw overLimit(length, limit, before);
    }
    SpillDirectory.prepare(dir);
    try {
      SpillLog log = new SpillLog(number, MappedFile.create(path(number), (int) size,
          "spill file of " + QueueSegment.id(queue.segment)));
      mapped.put(number, log);
      return log;
    } catch (RuntimeException e) {
      queue.addLong(QueueSegment.SPILL_BYTES, -size);
      throw e;
    }
  }

  private IpcFailure overLimit(int length, long limit, long inUse) {
    return new IpcFailure(IpcFailure.Kind.NO_SPACE, "cannot queue an item of " + length
        + " serialized bytes on " + QueueSegment.id(queue.segment) + ": its spill files in " + dir
        + " would pass their limit of " + limit + " bytes (" + inUse + " in use; items wait"
        + " there until a consumer takes them; system property "
        + SpillDirectory.LIMIT_PROPERTY + " sets the limit for new queues)");
  }

  /** Drops this process's reference to a log it no longer writes. */
  void forget(int number) {
    mapped.remove(number);
  }

  /** Deletes a log every frame of which has been read. */
  void discard(SpillLog log) {
    mapped.remove(log.number);
    SpillDirectory.delete(path(log.number));
    uncount(log);
  }

  /**
   * Takes a log that writers leave off the spill account if the reader has read all of it
   * ({@code readTo} is the reader's offset in it); the reader deletes it later.
   */
  void leave(int number, long readTo) {
    try {
      SpillLog log = get(number);
      if (readTo >= log.committed()) {
        uncount(log);
      }
    } catch (IllegalStateException gone) {
      // the reader deleted it and took it off the account
    }
    mapped.remove(number);
  }

  private void uncount(SpillLog log) {
    if (log.uncount()) {
      queue.addLong(QueueSegment.SPILL_BYTES, -log.size());
    }
  }
}
