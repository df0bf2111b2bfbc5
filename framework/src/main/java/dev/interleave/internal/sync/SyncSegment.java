package dev.interleave.internal.sync;

import dev.interleave.internal.shm.Segment;
import dev.interleave.internal.shm.SharedMemory;

/**
 * A segment holding one synchronization primitive: a 64-byte header, then the primitive's body.
 *
 * <pre>
 *   0               4               8               12              16
 *  +---------------+---------------+---------------+---------------+
 *  | magic         | kind          | closed        | (reserved)    |
 *  +---------------+---------------+---------------+---------------+
 *  | creator code (long)           | (reserved up to 64)           |
 *  +-------------------------------+-------------------------------+
 *  | body: the primitive's words, from offset 64                   |
 * </pre>
 *
 * <p>{@code closed} becomes 1 when any process {@linkplain #close closes} the primitive; every
 * operation checks it first, so use after close fails in every process.
 */
public final class SyncSegment {
  /** Offset of the body. */
  public static final int BODY = 64;

  private static final int MAGIC = 0x494c5359; // "ILSY"
  private static final int MAGIC_AT = 0;
  private static final int KIND_AT = 4;
  private static final int CLOSED_AT = 8;
  private static final int CREATOR_AT = 16;

  private final Segment segment;
  private final SyncKind kind;
  private final String displayName;

  private SyncSegment(Segment segment, SyncKind kind, String displayName) {
    this.segment = segment;
    this.kind = kind;
    this.displayName = displayName;
  }

  /** Creates the shared-memory file of a new primitive. */
  public static SyncSegment create(SyncKind kind, String displayName) {
    Segment s = SharedMemory.create(kind.fileTag(), BODY + kind.bodySize());
    return init(s, kind, displayName);
  }

  /** A primitive in process-private memory (no file), for tests of the algorithms. */
  public static SyncSegment anonymous(SyncKind kind, String displayName) {
    return init(Segment.anonymous(BODY + kind.bodySize()), kind, displayName);
  }

  private static SyncSegment init(Segment s, SyncKind kind, String displayName) {
    s.setInt(KIND_AT, kind.ordinal() + 1);
    s.setLong(CREATOR_AT, Holders.self());
    s.setInt(MAGIC_AT, MAGIC);
    return new SyncSegment(s, kind, displayName);
  }

  /**
   * Maps the primitive named {@code name}, checking that it is a {@code kind}.
   *
   * @throws IllegalStateException if its file is gone (its creator exited) or it was closed
   */
  public static SyncSegment attach(String name, SyncKind kind, String displayName) {
    Segment s = SharedMemory.attach(name);
    SyncSegment sync = new SyncSegment(s, kind, displayName);
    if (s.size() < BODY + kind.bodySize() || s.getInt(MAGIC_AT) != MAGIC
        || s.getInt(KIND_AT) != kind.ordinal() + 1) {
      throw new IllegalStateException(sync + ": shared-memory segment " + name
          + " does not hold a " + displayName);
    }
    sync.checkOpen();
    return sync;
  }

  /** The segment (words of the body are at {@link #BODY} and after). */
  public Segment segment() {
    return segment;
  }

  /** The segment's name: the primitive's id, the same in every process. */
  public String id() {
    return segment.name();
  }

  public SyncKind kind() {
    return kind;
  }

  /** Throws {@link IllegalStateException} if the primitive was closed by any process. */
  public void checkOpen() {
    if (segment.getInt(CLOSED_AT) != 0) {
      throw new IllegalStateException(this + " was closed: its shared resources have been"
          + " released and it can no longer be used");
    }
  }

  public boolean isClosed() {
    return segment.getInt(CLOSED_AT) != 0;
  }

  /**
   * Marks the primitive closed for every process and removes its file. Returns false if it was
   * already closed.
   */
  public boolean close() {
    if (!segment.casInt(CLOSED_AT, 0, 1)) {
      return false;
    }
    if (segment.path() != null) {
      SharedMemory.release(segment);
    }
    return true;
  }

  @Override
  public String toString() {
    return displayName + "[" + segment.name() + "]";
  }
}
