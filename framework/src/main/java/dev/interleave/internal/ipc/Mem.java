package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.Segment;
import java.lang.reflect.Field;
import java.nio.Buffer;
import sun.misc.Unsafe;

/**
 * Volatile, atomic and bulk access to mapped segments by raw address, through {@code
 * sun.misc.Unsafe} (as Agrona and the Disruptor do).
 *
 * <p>Why not the segment's {@code VarHandle}s: before the JIT compiles a caller, each {@code
 * VarHandle} access on a {@code ByteBuffer} runs a chain of interpreted frames, about 2 µs per
 * volatile get/set pair against 0.3 µs here, and a fresh child JVM runs its first ten thousand
 * queue operations that way. Addresses are only formed from a segment's base plus offsets that
 * the callers bound-check against the segment's size, and each user keeps its {@link Segment}
 * (hence the mapping) reachable while it uses the address.
 */
final class Mem {
  private static final Unsafe U = unsafe();
  private static final long ADDRESS = fieldOffset(Buffer.class, "address");
  private static final long BYTES = U.arrayBaseOffset(byte[].class);

  private Mem() {}

  private static Unsafe unsafe() {
    try {
      Field f = Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (Unsafe) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static long fieldOffset(Class<?> type, String name) {
    try {
      return U.objectFieldOffset(type.getDeclaredField(name));
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The address of a segment's first byte. */
  static long base(Segment segment) {
    return base(segment.buffer());
  }

  /** The address of a direct buffer's first byte. */
  static long base(java.nio.ByteBuffer buffer) {
    return U.getLong(buffer, ADDRESS);
  }

  static long getLongVolatile(long address) {
    return U.getLongVolatile(null, address);
  }

  static void putLongVolatile(long address, long value) {
    U.putLongVolatile(null, address, value);
  }

  /** A store that later loads may pass (no StoreLoad fence), for values read with acquire. */
  static void putLongRelease(long address, long value) {
    U.putOrderedLong(null, address, value);
  }

  static boolean casLong(long address, long expected, long value) {
    return U.compareAndSwapLong(null, address, expected, value);
  }

  static long getAndAddLong(long address, long delta) {
    return U.getAndAddLong(null, address, delta);
  }

  static int getIntVolatile(long address) {
    return U.getIntVolatile(null, address);
  }

  static void putIntVolatile(long address, int value) {
    U.putIntVolatile(null, address, value);
  }

  static boolean casInt(long address, int expected, int value) {
    return U.compareAndSwapInt(null, address, expected, value);
  }

  static int getAndAddInt(long address, int delta) {
    return U.getAndAddInt(null, address, delta);
  }

  static long getLong(long address) {
    return U.getLong(address);
  }

  static void putLong(long address, long value) {
    U.putLong(address, value);
  }

  static byte getByte(long address) {
    return U.getByte(address);
  }

  static void putByte(long address, byte value) {
    U.putByte(address, value);
  }

  /** Copies {@code length} bytes of {@code src} from {@code offset} to {@code address}. */
  static void copy(byte[] src, int offset, long address, int length) {
    U.copyMemory(src, BYTES + offset, null, address, length);
  }

  /** Copies {@code length} bytes at {@code address} into {@code dst} at {@code offset}. */
  static void copy(long address, byte[] dst, int offset, int length) {
    U.copyMemory(null, address, dst, BYTES + offset, length);
  }
}
