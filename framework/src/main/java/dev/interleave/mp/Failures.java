package dev.interleave.mp;

import dev.interleave.internal.ipc.IpcFailure;
import dev.interleave.internal.ipc.QueueChannel;
import dev.interleave.internal.ipc.RingChannel;
import dev.interleave.internal.shm.SegmentSpaceException;

/** Translates the IPC mechanics' failures into this package's exceptions. */
final class Failures {
  private Failures() {}

  /**
   * A new queue's channel.
   *
   * @throws NoSpaceException if the shared-memory directory has no room for its ring
   */
  static QueueChannel newQueue(int maxsize) {
    try {
      return QueueChannel.create(maxsize);
    } catch (IpcFailure f) {
      throw translate(f);
    }
  }

  /**
   * A new pipe's two ends.
   *
   * @throws NoSpaceException if the shared-memory directory has no room for its rings
   */
  static RingChannel[] newPipe(boolean duplex) {
    try {
      return RingChannel.pipe(duplex);
    } catch (IpcFailure f) {
      throw translate(f);
    }
  }

  /**
   * What {@code create} makes of a new shared-memory segment.
   *
   * @throws NoSpaceException if the shared-memory directory has no room for the segment
   */
  static <T> T segment(java.util.function.Supplier<T> create) {
    try {
      return create.get();
    } catch (SegmentSpaceException e) {
      throw new NoSpaceException(e.getMessage(), e);
    }
  }

  /** The public exception for {@code f}, with {@code f}'s cause and stack trace. */
  static RuntimeException translate(IpcFailure f) {
    String m = f.getMessage();
    Throwable c = f.getCause();
    RuntimeException e = switch (f.kind()) {
      case EOF -> new ConnectionEOFException(m, c);
      case BROKEN_PIPE -> new BrokenPipeException(m, c);
      case CORRUPT_FRAME -> new CorruptFrameException(m, c);
      case TOO_LONG -> new MessageTooLongException(m, c);
      case BUFFER_TOO_SHORT -> new BufferTooShortException(m, f.payload());
      case AUTHENTICATION -> new AuthenticationException(m, c);
      case SERIALIZATION -> new SerializationException(m, c);
      case REJECTED_CLASS -> new RejectedClassException(m, c);
      case IO, TIMEOUT -> new ConnectionException(m, c);
      case NO_SPACE -> new NoSpaceException(m, c);
    };
    e.setStackTrace(f.getStackTrace());
    return e;
  }
}
