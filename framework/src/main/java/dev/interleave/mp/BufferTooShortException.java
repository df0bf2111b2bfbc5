package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown by {@link Connection#recvBytesInto(byte[], int)} when the message is longer than the
 * space left in the buffer; the whole message is received and carried by this exception (as
 * CPython's {@code BufferTooShort}, whose {@code args[0]} is the message), so nothing is lost.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class BufferTooShortException extends ProcessException {
  private static final long serialVersionUID = 1L;

  private final transient byte[] message;

  /** An exception carrying the whole message that did not fit. */
  public BufferTooShortException(String text, byte[] message) {
    super(text);
    this.message = message;
  }

  /** The whole message that did not fit (the array itself, not a copy). */
  public byte[] message() {
    return message;
  }
}
