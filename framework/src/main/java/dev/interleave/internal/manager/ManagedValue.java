package dev.interleave.internal.manager;

import java.util.function.UnaryOperator;

/** The value behind a value proxy; {@code check} casts a value to its type or throws. */
public final class ManagedValue {
  private final UnaryOperator<Object> check;
  private Object value;

  public ManagedValue(UnaryOperator<Object> check, Object value) {
    this.check = check;
    this.value = check.apply(value);
  }

  public Object get() {
    return value;
  }

  public void set(Object value) {
    this.value = check.apply(value);
  }

  /** Adds {@code delta} to an integral value, keeping its class; returns the new value. */
  public Object addAndGet(long delta) {
    long sum = ((Number) value).longValue() + delta;
    value = value instanceof Integer ? (Object) (int) sum : value instanceof Short
        ? (Object) (short) sum : value instanceof Byte ? (Object) (byte) sum : (Object) sum;
    return value;
  }
}
