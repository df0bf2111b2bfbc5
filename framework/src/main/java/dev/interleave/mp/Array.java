package dev.interleave.mp;

import java.io.Serializable;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A fixed-length array of a primitive type in shared memory, with a lock, as CPython's {@code
 * multiprocessing.Array}.
 *
 * <pre>{@code
 * Array<Double> arr = Array.of(ValueType.DOUBLE, 10);        // Array('d', 10)
 * Array<Object> ints = Array.of('i', List.of(1, 2, 3));      // Array('i', [1, 2, 3])
 * }</pre>
 *
 * <p>Create it in any process and pass it to children as a {@link Process} argument. The lock is
 * as for {@link Value}: a new {@link RLock} by default, a given {@link Lock} or {@link RLock}, or
 * none. Every operation takes the lock for its duration, so a {@link #slice} is a consistent
 * snapshot and a {@link #setSlice} is seen whole by other users of the lock. Elements are typed;
 * a value of another type or out of range, an index out of range, or a slice of the wrong size
 * fails with a message naming it, before anything is written.
 *
 * <p><b>Blocking, memory consistency, scheduling, resources.</b> As for {@link Value}: the lock
 * is taken uninterruptibly; accesses are volatile across processes; under the harness every read
 * and write is a scheduling point; the file is removed when the creating process exits.
 *
 * @param <T> the boxed element type
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Array<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String FACE = "Array";

  private final RawArray<T> raw;
  private final Object lock;

  private Array(RawArray<T> raw, Object lock) {
    this.raw = raw;
    this.lock = lock;
  }

  /** A zeroed array of {@code length} elements, with a new {@link RLock}. */
  public static <T> Array<T> of(ValueType<T> type, int length) {
    return new Array<>(new RawArray<>(RawArray.create(type, length, FACE)), Guard.of(true));
  }

  /** An array holding {@code values}, with a new {@link RLock}. */
  public static <T> Array<T> of(ValueType<T> type, List<? extends T> values) {
    return of(type, values, true);
  }

  /**
   * An array holding {@code values} with the given {@code lock}: {@code true} (a new {@link
   * RLock}), {@code false} (none), a {@link Lock} or an {@link RLock}.
   *
   * @throws IllegalArgumentException if the type cannot hold a value (naming its index) or the
   *     lock is none of those
   */
  public static <T> Array<T> of(ValueType<T> type, List<? extends T> values, Object lock) {
    Object guard = Guard.of(lock);
    return new Array<>(new RawArray<>(RawArray.create(type, values, FACE)), guard);
  }

  /** CPython's {@code Array(typecode, size_or_initializer)}, with a new {@link RLock}. */
  public static Array<Object> of(char typeCode, Object sizeOrValues) {
    return of(typeCode, sizeOrValues, true);
  }

  /**
   * CPython's {@code Array(typecode, size_or_initializer, lock=lock)}: {@code sizeOrValues} is a
   * length (an {@code Integer}), a {@code List} or a Java array.
   *
   * @throws IllegalArgumentException for an unknown code, a negative length, a value the type
   *     cannot hold, or a bad {@code lock}
   */
  public static Array<Object> of(char typeCode, Object sizeOrValues, Object lock) {
    Object guard = Guard.of(lock);
    return new Array<>(new RawArray<>(RawArray.create(typeCode, sizeOrValues, FACE)), guard);
  }

  /** The element type. */
  public ValueType<T> type() {
    return raw.type();
  }

  /** The number of elements. */
  public int length() {
    return raw.length();
  }

  /**
   * Element {@code i}, read under the lock.
   *
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public T get(int i) {
    return Guard.call(lock, () -> raw.get(i));
  }

  /**
   * Stores {@code value} at {@code i} under the lock.
   *
   * @throws IllegalArgumentException if the type cannot hold {@code value}
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public void set(int i, T value) {
    Guard.run(lock, () -> raw.set(i, value));
  }

  /** Element {@code i} of an integral array as a {@code long}. */
  public long getLong(int i) {
    return Guard.call(lock, () -> raw.getLong(i));
  }

  /** Stores {@code value} at {@code i} of an integral array. */
  public void setLong(int i, long value) {
    Guard.run(lock, () -> raw.setLong(i, value));
  }

  /** Element {@code i} of a {@code float} or {@code double} array as a {@code double}. */
  public double getDouble(int i) {
    return Guard.call(lock, () -> raw.getDouble(i));
  }

  /** Adds one to element {@code i} under the lock and returns the new value. */
  public long incrementAndGet(int i) {
    return addAndGet(i, 1);
  }

  /** Adds {@code delta} to element {@code i} under the lock and returns the new value. */
  public long addAndGet(int i, long delta) {
    return Guard.call(lock, () -> raw.addAndGet(i, delta));
  }

  /** Adds {@code delta} to element {@code i} under the lock and returns the old value. */
  public long getAndAdd(int i, long delta) {
    return Guard.call(lock, () -> raw.getAndAdd(i, delta));
  }

  /** Stores {@code value} at {@code i} under the lock and returns the old element. */
  public T getAndSet(int i, T value) {
    return Guard.call(lock, () -> raw.getAndSet(i, value));
  }

  /** Sets element {@code i} to {@code value} if it equals {@code expected}. */
  public boolean compareAndSet(int i, T expected, T value) {
    return Guard.call(lock, () -> raw.compareAndSet(i, expected, value));
  }

  /** A copy of elements {@code [from, to)}, taken under the lock: Python's {@code arr[from:to]}. */
  public List<T> slice(int from, int to) {
    return Guard.call(lock, () -> raw.slice(from, to));
  }

  /** Python's {@code arr[from:to] = values}, under the lock; see {@link RawArray#setSlice}. */
  public void setSlice(int from, int to, List<? extends T> values) {
    Guard.run(lock, () -> raw.setSlice(from, to, values));
  }

  /** A copy of every element, taken under the lock. */
  public List<T> toList() {
    return Guard.call(lock, raw::toList);
  }

  /**
   * Acquires the lock (interruptibly) and returns the hold releasing it.
   *
   * @throws IllegalStateException if the array was created with {@code lock = false}
   * @throws InterruptedException if interrupted while waiting
   */
  public Held hold() throws InterruptedException {
    return Guard.hold(lock, this);
  }

  /**
   * The lock: Python's {@code get_lock()}.
   *
   * @throws IllegalStateException if the array was created with {@code lock = false}
   */
  public Object getLock() {
    return Guard.require(lock, this);
  }

  /** The array without its lock: Python's {@code get_obj()}. */
  public RawArray<T> getObj() {
    return raw;
  }

  @Override
  public String toString() {
    return raw + (lock == null ? " lock=false" : " " + lock);
  }
}
