package dev.interleave.internal.ipc;

/**
 * A failure of the IPC mechanics, tagged with its kind; the public classes translate it into the
 * matching public exception.
 */
public final class IpcFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The failure modes. */
  public enum Kind {
    /** Nothing left to receive and no live process holds the sending end. */
    EOF,
    /** A send while no live process holds the receiving end. */
    BROKEN_PIPE,
    /** A frame that was cut short (its writer died) or does not parse. */
    CORRUPT_FRAME,
    /** A message longer than the receiver's limit. */
    TOO_LONG,
    /** A message longer than the receiver's buffer; {@link #payload()} holds it. */
    BUFFER_TOO_SHORT,
    /** The authentication handshake failed. */
    AUTHENTICATION,
    /** An object could not be serialized or deserialized. */
    SERIALIZATION,
    /** A frame named a class that the deserialization filter rejects. */
    REJECTED_CLASS,
    /** An I/O error of the underlying socket or file. */
    IO,
    /** A peer that did not answer in time (during the handshake). */
    TIMEOUT,
    /** A file system too full for a segment or spill file, or a queue's spill limit reached. */
    NO_SPACE
  }

  private final Kind kind;
  private final transient byte[] payload;

  public IpcFailure(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public IpcFailure(Kind kind, String message, Throwable cause) {
    this(kind, message, cause, null);
  }

  IpcFailure(Kind kind, String message, Throwable cause, byte[] payload) {
    super(message, cause);
    this.kind = kind;
    this.payload = payload;
  }

  public Kind kind() {
    return kind;
  }

  /** The whole message, for {@link Kind#BUFFER_TOO_SHORT}; null otherwise. */
  public byte[] payload() {
    return payload;
  }
}
