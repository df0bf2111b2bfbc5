package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.SharedMemory;
import java.util.concurrent.ConcurrentHashMap;

/** The spill logs of one queue that this process has mapped, by number. */
final class SpillLogs {
  static final int DEFAULT_BYTES = Integer.getInteger("interleave.queue.spillBytes", 8 << 20);

  private final String queue;
  private final ConcurrentHashMap<Integer, SpillLog> mapped = new ConcurrentHashMap<>();

  SpillLogs(String queue) {
    this.queue = queue;
  }

  /** Maps log {@code number}, created by any process. */
  SpillLog get(int number) {
    return mapped.computeIfAbsent(number, n -> new SpillLog(n,
        SharedMemory.attach(queue + "." + SpillLog.suffix(n))));
  }

  /**
   * Creates log {@code number} big enough for a frame of {@code length} bytes.
   *
   * @throws IpcFailure of kind {@link IpcFailure.Kind#SERIALIZATION} if the item is too large
   *     for one segment
   */
  SpillLog create(int number, int length) {
    long size = Math.max(DEFAULT_BYTES, SpillLog.sizeFor(length));
    if (size > Integer.MAX_VALUE) {
      throw new IpcFailure(IpcFailure.Kind.SERIALIZATION, "an item of " + length
          + " serialized bytes is too large for a queue (at most about 2 GiB)");
    }
    SpillLog log = new SpillLog(number, SharedMemory.createChild(queue, SpillLog.suffix(number),
        (int) size));
    mapped.put(number, log);
    return log;
  }

  /** Drops this process's reference to a log it no longer writes. */
  void forget(int number) {
    mapped.remove(number);
  }

  /** Deletes a log every frame of which has been read. */
  void discard(SpillLog log) {
    mapped.remove(log.number);
    SharedMemory.unlink(log.name());
  }
}
