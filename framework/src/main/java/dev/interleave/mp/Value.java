package dev.interleave.mp;

import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * One value of a primitive type in shared memory, with a lock, as CPython's {@code
 * multiprocessing.Value}.
 *
 * <pre>{@code
 * Value<Integer> counter = Value.of(ValueType.INT, 0);     // Value('i', 0)
 * new Process((Value<Integer> v) -> {
 *   try (Held held = v.hold()) {                            // with v.get_lock():
 *     v.set(v.get() + 1);                                   //     v.value += 1
 *   }
 * }, counter).start();
 * }</pre>
 *
 * <p>Create it in any process and pass it to children as a {@link Process} argument: every copy
 * is the same value, and shares the same lock. By default ({@code lock = true}) the lock is a new
 * {@link RLock}, as in CPython; a given {@link Lock} or {@link RLock} may be used instead (to
 * guard several values with one lock), or none ({@code lock = false}).
 *
 * <p><b>Atomicity.</b> Every operation takes the lock for its own duration, so {@link #get()},
 * {@link #set}, and the read-modify-writes ({@link #incrementAndGet}, {@link #getAndAdd}, {@link
 * #compareAndSet}, {@link #getAndSet}) are atomic with respect to each other and to code holding
 * the lock. {@code v.set(v.get() + 1)} is two operations, not one: hold the lock around it
 * ({@link #hold()}), or use {@link #incrementAndGet()}.
 *
 * <p><b>Blocking.</b> Operations wait for the lock uninterruptibly (an interrupt is kept for
 * later), as CPython's do; {@link #hold()} waits interruptibly. If the process holding the lock
 * dies, the lock is taken over (within about 50 ms), as {@link RLock} describes.
 *
 * <p><b>Memory consistency effects.</b> Every access has volatile semantics across processes,
 * and the lock adds its own: writes made while holding the lock are visible to any process
 * after it acquires the lock.
 *
 * <p><b>Scheduling.</b> Under the harness, every read and write is a scheduling point, as are
 * the lock's acquire and release.
 *
 * <p><b>Resources.</b> As for {@link RawValue}: the file is removed when the creating process
 * exits.
 *
 * @param <T> the boxed type of the value
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Value<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final RawValue<T> raw;
  private final Object lock;

  private Value(RawValue<T> raw, Object lock) {
    this.raw = raw;
    this.lock = lock;
  }

  /** A value of {@code type} holding {@code initial}, with a new {@link RLock}. */
  public static <T> Value<T> of(ValueType<T> type, T initial) {
    return of(type, initial, true);
  }

  /**
   * A value of {@code type} holding {@code initial}, with the given {@code lock}: {@code true} (a
   * new {@link RLock}), {@code false} (none), a {@link Lock} or an {@link RLock}.
   *
   * @throws IllegalArgumentException if the type cannot hold {@code initial}, or {@code lock} is
   *     none of those
   */
  public static <T> Value<T> of(ValueType<T> type, T initial, Object lock) {
    Object guard = Guard.of(lock);
    return new Value<>(new RawValue<>(RawValue.create(type, initial, "Value")), guard);
  }

  /** CPython's {@code Value(typecode, value)}, with a new {@link RLock}. */
  public static Value<Object> of(char typeCode, Object initial) {
    return of(typeCode, initial, true);
  }

  /**
   * CPython's {@code Value(typecode, value, lock=lock)}; see {@link #of(ValueType, Object,
   * Object)}.
   *
   * @throws IllegalArgumentException for an unknown type code, a value it cannot hold, or a bad
   *     {@code lock}
   */
  @SuppressWarnings("unchecked")
  public static Value<Object> of(char typeCode, Object initial, Object lock) {
    return of((ValueType<Object>) ValueType.of(typeCode), initial, lock);
  }

  /** The value's type. */
  public ValueType<T> type() {
    return raw.type();
  }

  /** The value, read under the lock: Python's {@code v.value}. */
  public T get() {
    return Guard.call(lock, raw::get);
  }

  /**
   * Stores {@code value} under the lock: Python's {@code v.value = value}.
   *
   * @throws IllegalArgumentException if the type cannot hold {@code value} (nothing is written)
   */
  public void set(T value) {
    Guard.run(lock, () -> raw.set(value));
  }

  /** The value of an integral type as a {@code long}; see {@link RawValue#getLong()}. */
  public long getLong() {
    Guard.enter(lock);
    try {
      return raw.getLong();
    } finally {
      Guard.exit(lock);
    }
  }

  /** Stores {@code value} in an integral type; see {@link RawValue#setLong(long)}. */
  public void setLong(long value) {
    Guard.enter(lock);
    try {
      raw.setLong(value);
    } finally {
      Guard.exit(lock);
    }
  }

  /** The value of a {@code float} or {@code double} type as a {@code double}. */
  public double getDouble() {
    return Guard.call(lock, raw::getDouble);
  }

  /** Adds one under the lock (integral types, wrapping) and returns the new value. */
  public long incrementAndGet() {
    return addAndGet(1);
  }

  /** Subtracts one under the lock and returns the new value. */
  public long decrementAndGet() {
    return addAndGet(-1);
  }

  /** Adds {@code delta} under the lock and returns the new value. */
  public long addAndGet(long delta) {
    Guard.enter(lock);
    try {
      return raw.addAndGet(delta);
    } finally {
      Guard.exit(lock);
    }
  }

  /** Adds {@code delta} under the lock and returns the old value. */
  public long getAndAdd(long delta) {
    return Guard.call(lock, () -> raw.getAndAdd(delta));
  }

  /** Stores {@code value} under the lock and returns the old value. */
  public T getAndSet(T value) {
    return Guard.call(lock, () -> raw.getAndSet(value));
  }

  /** Sets the value to {@code value} if it equals {@code expected} (bit for bit for floats). */
  public boolean compareAndSet(T expected, T value) {
    return Guard.call(lock, () -> raw.compareAndSet(expected, value));
  }

  /**
   * Acquires the lock (interruptibly) and returns the hold releasing it: Python's {@code with
   * v.get_lock():}.
   *
   * @throws IllegalStateException if the value was created with {@code lock = false}
   * @throws InterruptedException if interrupted while waiting
   */
  public Held hold() throws InterruptedException {
    return Guard.hold(lock, this);
  }

  /**
   * The lock: an {@link RLock} unless a {@link Lock} was given: Python's {@code get_lock()}.
   *
   * @throws IllegalStateException if the value was created with {@code lock = false}
   */
  public Object getLock() {
    return Guard.require(lock, this);
  }

  /** The value without its lock: Python's {@code get_obj()}. */
  public RawValue<T> getObj() {
    return raw;
  }

  @Override
  public String toString() {
    return "Value[" + raw.type() + ", " + raw.slots().id() + (lock == null ? ", lock=false]"
        : ", " + lock + "]");
  }
}
