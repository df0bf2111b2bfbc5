package dev.interleave.internal.sync;

/** The kinds of synchronization segment, with the size of each one's body in bytes. */
public enum SyncKind {
  LOCK("lock", MutexCore.SIZE),
  RLOCK("rlock", MutexCore.SIZE),
  SEMAPHORE("semaphore", SemaphoreCore.SIZE),
  EVENT("event", EventCore.SIZE),
  CONDITION("condition", ConditionCore.SIZE),
  BARRIER("barrier", BarrierCore.SIZE);

  private final String fileTag;
  private final int bodySize;

  SyncKind(String fileTag, int bodySize) {
    this.fileTag = fileTag;
    this.bodySize = bodySize;
  }

  /** The tag in segment file names, for example {@code lock}. */
  String fileTag() {
    return fileTag;
  }

  int bodySize() {
    return bodySize;
  }
}
