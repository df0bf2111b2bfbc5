package dev.interleave.internal.ipc;

import dev.interleave.internal.ipc.IpcFailure.Kind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mutual authentication of a new connection with a shared key, before anything on it is
 * deserialized: CPython's {@code deliver_challenge} / {@code answer_challenge} exchange with
 * HmacSHA256 and 32-byte challenges.
 *
 * <p>The deliverer sends {@code #CHALLENGE#} and random bytes; the answerer returns the HMAC of
 * the random bytes under its key; the deliverer compares it in constant time with its own and
 * replies {@code #WELCOME#} or {@code #FAILURE#}. The listener delivers then answers, the client
 * answers then delivers, so each proves knowledge of the key to the other. A mismatch fails both
 * sides with {@link Kind#AUTHENTICATION}, and so does a peer that does not complete its part
 * within {@link #TIMEOUT_PROPERTY} (10 s by default). Handshake frames are limited to {@link #MAX_FRAME}
 * bytes, so a peer cannot make the other allocate before it has authenticated.
 */
public final class Handshake {
  static final int MAX_FRAME = 256;
  /** System property: milliseconds a peer has to complete the handshake. */
  public static final String TIMEOUT_PROPERTY = "interleave.ipc.handshakeMillis";
  private static final byte[] CHALLENGE = bytes("#CHALLENGE#");
  private static final byte[] WELCOME = bytes("#WELCOME#");
  private static final byte[] FAILURE = bytes("#FAILURE#");
  private static final int CHALLENGE_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Handshake() {}

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The listener's side: challenge the peer, then answer its challenge, within {@link
   * #TIMEOUT_PROPERTY} (default 10 s).
   */
  public static void asListener(SocketTransport c, byte[] key) throws InterruptedException {
    c.receiveDeadline(System.nanoTime() + timeoutNanos());
    deliver(c, key);
    answer(c, key);
    c.receiveDeadline(Deadlines.NONE);
  }

  /** The client's side: answer the listener's challenge, then challenge it; also timed. */
  public static void asClient(SocketTransport c, byte[] key) throws InterruptedException {
    c.receiveDeadline(System.nanoTime() + timeoutNanos());
    answer(c, key);
    deliver(c, key);
    c.receiveDeadline(Deadlines.NONE);
  }

  private static long timeoutNanos() {
    return Long.getLong(TIMEOUT_PROPERTY, 10_000L) * 1_000_000L;
  }

  private static void deliver(Channel c, byte[] key) throws InterruptedException {
    byte[] message = new byte[CHALLENGE_BYTES];
    RANDOM.nextBytes(message);
    byte[] frame = concat(CHALLENGE, message);
    c.send(frame, 0, frame.length);
    byte[] response = receive(c);
    if (!MessageDigest.isEqual(response, hmac(key, message))) {
      c.send(FAILURE, 0, FAILURE.length);
      throw new IpcFailure(Kind.AUTHENTICATION, "digest received was wrong: the peer of "
          + c.id() + " does not have the same authentication key");
    }
    c.send(WELCOME, 0, WELCOME.length);
  }

  private static void answer(Channel c, byte[] key) throws InterruptedException {
    byte[] frame = receive(c);
    if (frame.length < CHALLENGE.length
        || !Arrays.equals(frame, 0, CHALLENGE.length, CHALLENGE, 0, CHALLENGE.length)) {
      throw new IpcFailure(Kind.AUTHENTICATION, "no authentication challenge from the peer of "
          + c.id() + " (does it use an authentication key?)");
    }
    byte[] digest = hmac(key, Arrays.copyOfRange(frame, CHALLENGE.length, frame.length));
    c.send(digest, 0, digest.length);
    if (!Arrays.equals(receive(c), WELCOME)) {
      throw new IpcFailure(Kind.AUTHENTICATION, "digest sent was rejected: the peer of "
          + c.id() + " does not have the same authentication key");
    }
  }

  /**
   * The peer's next handshake frame. A peer that went away (end of file, a reset connection)
   * is a connection failure, as in CPython (EOFError, ConnectionResetError), not a wrong key:
   * a manager shutting down may accept a connection and close it mid-handshake.
   */
  private static byte[] receive(Channel c) throws InterruptedException {
    try {
      return c.receive(MAX_FRAME);
    } catch (IpcFailure f) {
      if (f.kind() == Kind.EOF || f.kind() == Kind.IO) {
        throw f;
      }
      throw new IpcFailure(Kind.AUTHENTICATION, "authentication with the peer of " + c.id()
          + " failed: " + f.getMessage(), f);
    }
  }

  static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
