package dev.interleave.mp;

import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.ipc.Codec;
import dev.interleave.internal.ipc.IpcFailure;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The messages between proxies and a manager's server, and the token naming a shared object.
 *
 * <p>A request travels as the object id and method name (each a length and UTF-8 bytes), the
 * argument count, then each argument as a length and its {@link Codec} payload; a reply as a
 * byte (0: a value, 1: an exception) and the {@link Codec} payload. So a call whose arguments
 * and result are strings, numbers or booleans costs no Java serialization stream at all, and
 * other objects are serialized, and checked by the receiver's filter, one by one.
 */
final class ManagerWire {
  /** The id under which the server answers control requests (create, shutdown). */
  static final String SERVER = "#manager";

  private ManagerWire() {}

  /**
   * What a proxy is: the server's address (in {@link ManagerAddress}'s form) and key, the
   * server's identity (random, so that a proxy is recognized by its own server whatever address
   * its client used), the object's id and its type id (CPython's {@code Token}).
   */
  record Token(String address, byte[] authkey, String server, String id, String typeId)
      implements Serializable {
    private static final long serialVersionUID = 2L;

    /** The same token, reached at {@code at} (the address its client connected to). */
    Token at(String at) {
      return at.equals(address) ? this : new Token(at, authkey, server, id, typeId);
    }

    @Override
    public String toString() {
      return typeId + " " + id + " at " + address;
    }
  }

  private static final byte VALUE = 0;
  private static final byte ERROR = 1;

  /** Call {@code method(args)} on the object {@code id}. */
  record Request(String id, String method, Object[] args) {}

  /**
   * The answer: a value (a {@link Token} when the result is itself a shared object), or what
   * the method threw: a JDK exception as is, any other as its class, message and stack trace.
   */
  record Reply(Object value, Exception error) {}

  /**
   * The request's bytes.
   *
   * @throws SerializationException if an argument cannot be serialized, naming its class
   */
  static byte[] encode(Request r) {
    byte[] id = r.id().getBytes(StandardCharsets.UTF_8);
    byte[] method = r.method().getBytes(StandardCharsets.UTF_8);
    byte[][] args = new byte[r.args().length][];
    int size = 12 + id.length + method.length;
    for (int i = 0; i < args.length; i++) {
      args[i] = payload(r.args()[i]);
      size += 4 + args[i].length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(id.length).put(id).putInt(method.length).put(method).putInt(args.length);
    for (byte[] a : args) {
      out.putInt(a.length).put(a);
    }
    return out.array();
  }

  /** The request in {@code bytes}, its arguments deserialized through {@code rules}. */
  static Request decodeRequest(byte[] bytes, ClassRules rules) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    String id = string(in);
    String method = string(in);
    Object[] args = new Object[in.getInt()];
    for (int i = 0; i < args.length; i++) {
      int length = in.getInt();
      args[i] = decode(bytes, in.position(), length, rules);
      in.position(in.position() + length);
    }
    return new Request(id, method, args);
  }

  /**
   * The reply's bytes.
   *
   * @throws SerializationException if the value or exception cannot be serialized
   */
  static byte[] encode(Reply r) {
    byte[] body = payload(r.error() != null ? r.error() : r.value());
    byte[] out = new byte[1 + body.length];
    out[0] = r.error() != null ? ERROR : VALUE;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  /** The reply in {@code bytes}, deserialized through {@code rules}. */
  static Reply decodeReply(byte[] bytes, ClassRules rules) {
    Object body = decode(bytes, 1, bytes.length - 1, rules);
    return bytes[0] == ERROR ? new Reply(null, (Exception) body) : new Reply(body, null);
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  private static byte[] payload(Object value) {
    try {
      return Codec.encode(value);
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
  }

  private static Object decode(byte[] bytes, int offset, int length, ClassRules rules) {
    try {
      return Codec.decode(bytes, offset, length, rules);
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
  }
}
