package dev.interleave.internal.ipc;

import dev.interleave.internal.ipc.IpcFailure.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamException;
import java.nio.ByteBuffer;

/**
 * Turns objects into frame payloads and back.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+-----------------------------------------------+
 * |      Tag      |  Value ...                                  ...
 * +---------------+-----------------------------------------------+
 * </pre>
 *
 * <p>Tags: {@link #NULL}, {@link #TRUE} and {@link #FALSE} (no value); {@link #INT} (4 bytes),
 * {@link #LONG} and {@link #DOUBLE} (8 bytes, big-endian); {@link #ASCII} (a string of chars
 * below 128, one byte each); {@link #BYTES} (a {@code byte[]}'s contents); {@link #JAVA} (a Java
 * serialization stream, deserialized through a {@link ClassRules} filter). The short forms save
 * the ~80-byte stream header and class descriptor that Java serialization spends on a boxed
 * integer, which is most of the cost of small queue items; every other object, strings with
 * non-ASCII characters included, takes the {@link #JAVA} form.
 */
public final class Codec {
  static final byte NULL = 0;
  static final byte TRUE = 1;
  static final byte FALSE = 2;
  static final byte INT = 3;
  static final byte LONG = 4;
  static final byte DOUBLE = 5;
  static final byte ASCII = 6;
  static final byte BYTES = 7;
  static final byte JAVA = 8;

  private Codec() {}

  /**
   * A payload in two parts, so that a large {@code byte[]} or serialization buffer is copied
   * once, straight into shared memory: the tag, then {@code length} bytes of {@code body} from
   * {@code offset}.
   */
  public record Encoded(byte tag, byte[] body, int offset, int length) {
    /** The payload's size: tag and body. */
    public int size() {
      return 1 + length;
    }
  }

  /** A received payload split into its tag and a body array of exactly the body's length. */
  public record Item(byte tag, byte[] body) {}

  /**
   * Serializes {@code value} without copying a {@code byte[]} value: the result refers to it
   * and must be consumed before the caller may change the array.
   *
   * @throws IpcFailure of kind {@link Kind#SERIALIZATION} naming the class that cannot be
   *     serialized
   */
  public static Encoded encodeParts(Object value) {
    if (value instanceof byte[] bytes) {
      return new Encoded(BYTES, bytes, 0, bytes.length);
    }
    if (value == null || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Double
        || value instanceof String s && isAscii(s)) {
      byte[] whole = encode(value);
      return new Encoded(whole[0], whole, 1, whole.length - 1);
    }
    Buffer bytes = serialize(value);
    return new Encoded(JAVA, bytes.array(), 1, bytes.size() - 1);
  }

  /** Deserializes a payload from its tag and body; a {@code byte[]} value is the body itself. */
  public static Object decode(Item item, ClassRules rules) {
    byte[] body = item.body();
    return switch (item.tag()) {
      case BYTES -> body;
      case JAVA -> deserialize(body, 0, body.length, rules);
      case INT -> body.length == 4 ? (body[0] << 24) | (body[1] & 0xFF) << 16
          | (body[2] & 0xFF) << 8 | (body[3] & 0xFF) : decode(tagged(item), 0, body.length + 1, rules);
      default -> {
        byte[] whole = tagged(item);
        yield decode(whole, 0, whole.length, rules);
      }
    };
  }

  private static byte[] tagged(Item item) {
    byte[] whole = new byte[item.body().length + 1];
    whole[0] = item.tag();
    System.arraycopy(item.body(), 0, whole, 1, item.body().length);
    return whole;
  }

  /**
   * Serializes {@code value}.
   *
   * @throws IpcFailure of kind {@link Kind#SERIALIZATION} naming the class that cannot be
   *     serialized
   */
  public static byte[] encode(Object value) {
    if (value == null) {
      return new byte[] {NULL};
    } else if (value instanceof Integer i) {
      int v = i;
      return new byte[] {INT, (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    } else if (value instanceof Long l) {
      return ByteBuffer.allocate(9).put(LONG).putLong(l).array();
    } else if (value instanceof Double d) {
      return ByteBuffer.allocate(9).put(DOUBLE).putDouble(d).array();
    } else if (value instanceof Boolean b) {
      return new byte[] {b ? TRUE : FALSE};
    } else if (value instanceof byte[] bytes) {
      byte[] out = new byte[bytes.length + 1];
      out[0] = BYTES;
      System.arraycopy(bytes, 0, out, 1, bytes.length);
      return out;
    } else if (value instanceof String s && isAscii(s)) {
      byte[] out = new byte[s.length() + 1];
      out[0] = ASCII;
      s.getBytes(0, s.length(), out, 1);
      return out;
    }
    Buffer bytes = serialize(value);
    return java.util.Arrays.copyOf(bytes.array(), bytes.size());
  }

  @SuppressWarnings("deprecation")
  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** A byte stream whose buffer can be used without a copy. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(256);
    }

    byte[] array() {
      return buf;
    }
  }

  private static Buffer serialize(Object value) {
    Buffer bytes = new Buffer();
    bytes.write(JAVA);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw new IpcFailure(Kind.SERIALIZATION, "cannot serialize " + value.getClass().getName()
          + ": class " + e.getMessage() + " is not Serializable", e);
    } catch (IOException | RuntimeException e) {
      throw new IpcFailure(Kind.SERIALIZATION, "cannot serialize " + value.getClass().getName()
          + ": " + e, e);
    }
    return bytes;
  }

  /**
   * Deserializes a payload written by {@link #encode}.
   *
   * @throws IpcFailure of kind {@link Kind#REJECTED_CLASS} if the payload names a class that
   *     {@code rules} do not permit (before any instance of it is created), {@link
   *     Kind#CORRUPT_FRAME} if it does not parse, or {@link Kind#SERIALIZATION} if a class is
   *     missing or a {@code readObject} method fails
   */
  public static Object decode(byte[] buf, int offset, int length, ClassRules rules) {
    if (length < 1) {
      throw corrupt("an empty payload");
    }
    ByteBuffer in = ByteBuffer.wrap(buf, offset + 1, length - 1);
    byte tag = buf[offset];
    return switch (tag) {
      case NULL -> exact(in, 0, null);
      case TRUE -> exact(in, 0, Boolean.TRUE);
      case FALSE -> exact(in, 0, Boolean.FALSE);
      case INT -> exact(in, 4, in.remaining() == 4 ? in.getInt(in.position()) : null);
      case LONG -> exact(in, 8, in.remaining() == 8 ? in.getLong(in.position()) : null);
      case DOUBLE -> exact(in, 8, in.remaining() == 8 ? in.getDouble(in.position()) : null);
      case ASCII -> ascii(buf, offset + 1, length - 1);
      case BYTES -> java.util.Arrays.copyOfRange(buf, offset + 1, offset + length);
      case JAVA -> deserialize(buf, offset + 1, length - 1, rules);
      default -> throw corrupt("unknown tag " + tag);
    };
  }

  private static Object exact(ByteBuffer in, int size, Object value) {
    if (in.remaining() != size) {
      throw corrupt("a value of " + in.remaining() + " bytes where " + size + " were expected");
    }
    return value;
  }

  @SuppressWarnings("deprecation")
  private static String ascii(byte[] buf, int offset, int length) {
    return new String(buf, 0, offset, length);
  }

  private static Object deserialize(byte[] buf, int offset, int length, ClassRules rules) {
    ClassRules.Filter filter = rules.filter(length);
    try (FilteredInput in = new FilteredInput(new ByteArrayInputStream(buf, offset, length))) {
      in.setObjectInputFilter(filter);
      Object value = in.readObject();
      if (in.available() > 0 || in.read() >= 0) {
        throw corrupt("trailing bytes after the object");
      }
      return value;
    } catch (InvalidClassException e) {
      if (filter.rejected() != null) {
        throw new IpcFailure(Kind.REJECTED_CLASS, filter.rejected(), e);
      }
      throw new IpcFailure(Kind.SERIALIZATION, "cannot deserialize: " + e.getMessage(), e);
    } catch (ObjectStreamException | java.io.EOFException e) {
      throw new IpcFailure(Kind.CORRUPT_FRAME, "payload is not a valid serialized object: " + e, e);
    } catch (ClassNotFoundException e) {
      throw new IpcFailure(Kind.SERIALIZATION, "cannot deserialize: class " + e.getMessage()
          + " not found in this process", e);
    } catch (IOException | RuntimeException e) {
      throw new IpcFailure(Kind.SERIALIZATION, "cannot deserialize: " + e, e);
    }
  }

  private static IpcFailure corrupt(String what) {
    return new IpcFailure(Kind.CORRUPT_FRAME, "corrupt payload: " + what);
  }

  /** Resolves classes through the thread's context loader first, then the default way. */
  private static final class FilteredInput extends ObjectInputStream {
    FilteredInput(ByteArrayInputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null) {
        try {
          return Class.forName(desc.getName(), false, context);
        } catch (ClassNotFoundException e) {
          // fall back to the caller's loader
        }
      }
      return super.resolveClass(desc);
    }
  }
}
