package dev.interleave.mp;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.apiguardian.api.API;

/**
 * A fixed-length list stored in a {@link SharedMemory} block, as CPython's {@code
 * multiprocessing.shared_memory.ShareableList}: elements are {@code null}, {@link Boolean},
 * {@link Integer}, {@link Long}, {@link Double}, {@link String} or {@code byte[]}.
 *
 * <pre>{@code
 * ShareableList sl = ShareableList.create(List.of(1, 2.5, "text", true));
 * new Process((String name) -> ShareableList.attach(name).set(0, 99), sl.shm().name()).start();
 * }</pre>
 *
 * <p>Its length is fixed ({@code add} and {@code remove} are unsupported). Each slot has the
 * storage its initial value needed: 8 bytes for a number, boolean or null; for a string or byte
 * array, its encoded length plus 4, rounded up to 8. A slot may take a value of another type
 * that fits; a longer string or byte array than the slot can hold is refused, as in CPython,
 * with a message naming the slot and its capacity, and nothing is written.
 *
 * <p><b>Atomicity and memory consistency.</b> None: a read that races with a write to the same
 * slot in another process may see a mix of both (as in CPython). Guard shared slots with a
 * {@link Lock}, whose release-acquire also makes the writes visible.
 *
 * <p><b>Scheduling.</b> Under the harness every {@link #get} and {@link #set} is a scheduling
 * point. <b>Lifetime.</b> That of its block: {@code shm().close()} and {@code shm().unlink()}.
 */
/* Layout: magic, n, then n x {tag, capacity} (ints), then the slots' data, each 8-aligned. */
@API(status = API.Status.EXPERIMENTAL)
public final class ShareableList extends AbstractList<Object> implements RandomAccess,
    Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAGIC = 0x494c534c; // "ILSL"
  private static final int NULL = 0;
  private static final int BOOLEAN = 1;
  private static final int INT = 2;
  private static final int LONG = 3;
  private static final int DOUBLE = 4;
  private static final int STRING = 5;
  private static final int BYTES = 6;

  private final transient SharedMemory shm;
  private final transient ByteBuffer buf;
  private final transient int[] offsets;

  private ShareableList(SharedMemory shm) {
    this.shm = shm;
    this.buf = shm.buf();
    if (buf.capacity() < 8 || buf.getInt(0) != MAGIC) {
      throw new IllegalArgumentException(shm + " does not hold a ShareableList");
    }
    int n = buf.getInt(4);
    this.offsets = new int[n];
    int at = 8 + 8 * n;
    for (int i = 0; i < n; i++) {
      offsets[i] = at;
      at += buf.getInt(12 + 8 * i);
    }
  }

  /** A list holding {@code values}, in a new block with a random name. */
  public static ShareableList create(List<?> values) {
    return create(null, values);
  }

  /**
   * A list holding {@code values}, in a new block named {@code name} (random if null).
   *
   * @throws IllegalArgumentException if a value is of an unsupported type (naming its class)
   * @throws SharedMemoryExistsException if a block of that name exists
   */
  public static ShareableList create(String name, List<?> values) {
    byte[][] encoded = new byte[values.size()][];
    int size = 8 + 8 * values.size();
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = encode(i, values.get(i));
      size += capacity(encoded[i]);
    }
    SharedMemory shm = name == null ? SharedMemory.create(size) : SharedMemory.create(name, size);
    ByteBuffer b = shm.buf();
    b.putInt(4, values.size());
    int at = 8 + 8 * values.size();
    for (int i = 0; i < encoded.length; i++) {
      b.putInt(12 + 8 * i, capacity(encoded[i]));
      b.put(at, encoded[i], 4, encoded[i].length - 4);
      b.putInt(8 + 8 * i, tagOf(encoded[i]));
      at += capacity(encoded[i]);
    }
    b.putInt(0, MAGIC);
    return new ShareableList(shm);
  }

  /**
   * Attaches the list in the block {@code name}: CPython's {@code ShareableList(name=name)}.
   *
   * @throws SharedMemoryNotFoundException if there is no such block
   */
  public static ShareableList attach(String name) {
    return new ShareableList(SharedMemory.attach(name));
  }

  /** The block holding the list. */
  public SharedMemory shm() {
    return shm;
  }

  @Override
  public int size() {
    return offsets.length;
  }

  /**
   * Element {@code i}.
   *
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  @Override
  public Object get(int i) {
    check(i);
    SharedPoints.read(shm.name(), "get");
    int at = offsets[i];
    switch (buf.getInt(8 + 8 * i)) {
      case BOOLEAN: return buf.get(at) != 0;
      case INT: return buf.getInt(at);
      case LONG: return buf.getLong(at);
      case DOUBLE: return buf.getDouble(at);
      case STRING: return new String(bytesAt(at), StandardCharsets.UTF_8);
      case BYTES: return bytesAt(at);
      default: return null;
    }
  }

  /**
   * Stores {@code value} at {@code i} and returns the old element.
   *
   * @throws IllegalArgumentException if the type is unsupported or the value does not fit
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  @Override
  public Object set(int i, Object value) {
    check(i);
    byte[] encoded = encode(i, value);
    int capacity = buf.getInt(12 + 8 * i);
    if (encoded.length - 4 > capacity) {
      throw new IllegalArgumentException("ShareableList slot " + i + " holds at most " + capacity
          + " bytes; " + ValueType.describe(value) + " needs " + (encoded.length - 4));
    }
    Object old = get(i);
    SharedPoints.write(shm.name(), "set");
    buf.put(offsets[i], encoded, 4, encoded.length - 4);
    buf.putInt(8 + 8 * i, tagOf(encoded));
    return old;
  }

  /** How many elements equal {@code value}: Python's {@code count}. */
  public int count(Object value) {
    int n = 0;
    for (Object o : this) {
      n += java.util.Objects.deepEquals(o, value) ? 1 : 0;
    }
    return n;
  }

  private byte[] bytesAt(int at) {
    byte[] out = new byte[buf.getInt(at)];
    buf.get(at + 4, out);
    return out;
  }

  private void check(int i) {
    if (i < 0 || i >= offsets.length) {
      throw new IndexOutOfBoundsException("index " + i + " out of range for the ShareableList '"
          + shm.name() + "' of size " + offsets.length);
    }
  }

  /** The tag (first 4 bytes) and the slot data (the rest) of {@code value}. */
  private static byte[] encode(int index, Object value) {
    if (value == null) {
      return ByteBuffer.allocate(4).putInt(NULL).array();
    } else if (value instanceof Boolean b) {
      return ByteBuffer.allocate(5).putInt(BOOLEAN).put((byte) (b ? 1 : 0)).array();
    } else if (value instanceof Integer v) {
      return ByteBuffer.allocate(8).putInt(INT).putInt(v).array();
    } else if (value instanceof Long v) {
      return ByteBuffer.allocate(12).putInt(LONG).putLong(v).array();
    } else if (value instanceof Double v) {
      return ByteBuffer.allocate(12).putInt(DOUBLE).putDouble(v).array();
    } else if (value instanceof String s) {
      return withLength(STRING, s.getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof byte[] b) {
      return withLength(BYTES, b);
    }
    throw new IllegalArgumentException("element " + index + ": a ShareableList holds null,"
        + " Boolean, Integer, Long, Double, String or byte[] but was: "
        + ValueType.describe(value));
  }

  private static byte[] withLength(int tag, byte[] data) {
    return ByteBuffer.allocate(8 + data.length).putInt(tag).putInt(data.length).put(data).array();
  }

  private static int tagOf(byte[] encoded) {
    return ByteBuffer.wrap(encoded).getInt(0);
  }

  private static int capacity(byte[] encoded) {
    return Math.max(8, (encoded.length - 4 + 7) & ~7);
  }

  @Override
  public String toString() {
    return "ShareableList(" + super.toString() + ", name='" + shm.name() + "')";
  }

  private Object writeReplace() {
    return new SerialForm(shm.name());
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a ShareableList is deserialized through its serial form");
  }

  /** What travels to a child: the block's name. */
  private record SerialForm(String name) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return attach(name);
    }
  }
}
