package dev.interleave.mp;

import dev.interleave.internal.shared.Cells;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * One value of a primitive type in shared memory, without a lock, as CPython's {@code
 * multiprocessing.sharedctypes.RawValue}.
 *
 * <p>Create it in any process and pass it to children as a {@link Process} argument: every copy
 * is the same value. Storing a value of another type or out of the type's range fails with
 * {@link IllegalArgumentException} naming the value.
 *
 * <p><b>Atomicity.</b> {@link #get()} and {@link #set} are atomic; {@code v.set(v.get() + 1)} is
 * not (an update of another process can fall between them and be lost, as with CPython's {@code
 * v.value += 1}). {@link #incrementAndGet}, {@link #getAndAdd}, {@link #compareAndSet} and
 * {@link #getAndSet} are atomic read-modify-writes (a hardware compare-and-set in shared memory).
 *
 * <p><b>Memory consistency effects.</b> Every access has volatile semantics across processes: a
 * write, and everything the writing process did before it, is visible to a process that reads
 * the written value.
 *
 * <p><b>Scheduling.</b> Under the harness, every read and write is a scheduling point.
 *
 * <p><b>Resources.</b> As for {@link RawArray}: the file is removed when the creating process
 * exits.
 *
 * @param <T> the boxed type of the value
 */
@API(status = API.Status.EXPERIMENTAL)
public final class RawValue<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FACE = "RawValue";

  private final transient Slots<T> slots;

  RawValue(Slots<T> slots) {
    this.slots = slots;
  }

  /**
   * A value of {@code type} holding {@code initial}.
   *
   * @throws IllegalArgumentException if the type cannot hold {@code initial}
   */
  public static <T> RawValue<T> of(ValueType<T> type, T initial) {
    return new RawValue<>(create(type, initial, FACE));
  }

  /**
   * CPython's {@code RawValue(typecode, value)}: {@code initial} must be a value the type holds
   * (an {@code Integer} for {@code 'i'} or {@code 'q'}, a {@code Double} for {@code 'd'}, ...).
   *
   * @throws IllegalArgumentException for an unknown type code or a value it cannot hold
   */
  @SuppressWarnings("unchecked")
  public static RawValue<Object> of(char typeCode, Object initial) {
    return new RawValue<>(create((ValueType<Object>) ValueType.of(typeCode), initial, FACE));
  }

  static <T> Slots<T> create(ValueType<T> type, Object initial, String face) {
    long bits = type.bits(type.cast(initial));
    Slots<T> slots = new Slots<>(type,
        Failures.segment(() -> Cells.create("value", type.code(), 1, type.wide())), face);
    slots.init(new long[] {bits});
    return slots;
  }

  /** The value's type. */
  public ValueType<T> type() {
    return slots.type();
  }

  /** The value: Python's {@code v.value}. */
  public T get() {
    return slots.get(0);
  }

  /**
   * Stores {@code value}: Python's {@code v.value = value}.
   *
   * @throws IllegalArgumentException if the type cannot hold {@code value}
   */
  public void set(T value) {
    slots.set(0, value);
  }

  /**
   * The value of an integral type as a {@code long}, without boxing.
   *
   * @throws UnsupportedOperationException if the type is not integral
   */
  public long getLong() {
    return slots.getLong(0);
  }

  /**
   * Stores {@code value}, which must be in the (integral) type's range.
   *
   * @throws IllegalArgumentException if the type cannot hold {@code value}
   * @throws UnsupportedOperationException if the type is not integral
   */
  public void setLong(long value) {
    slots.setLong(0, value);
  }

  /** The value of a {@code float} or {@code double} type as a {@code double}. */
  public double getDouble() {
    return slots.getDouble(0);
  }

  /** Atomically adds one (integral types, wrapping as Java does) and returns the new value. */
  public long incrementAndGet() {
    return slots.addAndGet(0, 1);
  }

  /** Atomically subtracts one and returns the new value. */
  public long decrementAndGet() {
    return slots.addAndGet(0, -1);
  }

  /** Atomically adds {@code delta} and returns the new value. */
  public long addAndGet(long delta) {
    return slots.addAndGet(0, delta);
  }

  /** Atomically adds {@code delta} and returns the old value. */
  public long getAndAdd(long delta) {
    return slots.getAndAdd(0, delta);
  }

  /** Atomically stores {@code value} and returns the old value. */
  public T getAndSet(T value) {
    return slots.getAndSet(0, value);
  }

  /**
   * Atomically sets the value to {@code value} if it equals {@code expected} (bit for bit for
   * {@code float} and {@code double}).
   *
   * @return whether it was set
   */
  public boolean compareAndSet(T expected, T value) {
    return slots.compareAndSet(0, expected, value);
  }

  Slots<T> slots() {
    return slots;
  }

  /** {@code RawValue[int ('i') = 5, interleave-...]}. */
  @Override
  public String toString() {
    return FACE + "[" + slots.type() + ", " + slots.id() + "]";
  }

  private Object writeReplace() {
    return new SerialForm(slots.id());
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a RawValue is deserialized through its serial form");
  }

  /** What travels to a child: the segment name. */
  private record SerialForm(String segment) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new RawValue<>(Slots.attach(segment, FACE));
    }
  }
}
