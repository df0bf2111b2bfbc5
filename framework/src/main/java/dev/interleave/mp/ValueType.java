package dev.interleave.mp;

import java.io.Serializable;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The element type of a {@link Value}, {@link Array}, {@link RawValue} or {@link RawArray}: a
 * Java primitive type, with the CPython type codes ({@code array} / {@code ctypes} codes) that
 * map to it.
 *
 * <table>
 *   <caption>Types and CPython codes</caption>
 *   <tr><th>type</th><th>Java</th><th>codes</th></tr>
 *   <tr><td>{@link #BOOLEAN}</td><td>{@code boolean}</td><td>{@code ?}</td></tr>
 *   <tr><td>{@link #BYTE}</td><td>{@code byte}</td><td>{@code b}</td></tr>
 *   <tr><td>{@link #SHORT}</td><td>{@code short}</td><td>{@code h}</td></tr>
 *   <tr><td>{@link #INT}</td><td>{@code int}</td><td>{@code i}</td></tr>
 *   <tr><td>{@link #LONG}</td><td>{@code long}</td><td>{@code l}, {@code q}</td></tr>
 *   <tr><td>{@link #FLOAT}</td><td>{@code float}</td><td>{@code f}</td></tr>
 *   <tr><td>{@link #DOUBLE}</td><td>{@code double}</td><td>{@code d}</td></tr>
 *   <tr><td>{@link #CHAR}</td><td>{@code char}</td><td>{@code u}, {@code c}</td></tr>
 * </table>
 *
 * <p>CPython's {@code 'c'} is a one-byte character; here it is a Java {@code char}. The unsigned
 * codes ({@code B H I L Q}) have no Java primitive and are refused with a message naming the
 * signed code to use instead. Values are checked when stored: a value of another type, or a
 * number outside the type's range, is refused with {@link IllegalArgumentException}; nothing is
 * converted silently (CPython wraps {@code c_byte(300)} to 44; Interleave refuses it).
 *
 * @param <T> the boxed Java type of the elements
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ValueType<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@code boolean}, code {@code '?'}. */
  public static final ValueType<Boolean> BOOLEAN = new ValueType<>('?', "boolean", Boolean.class,
      false, v -> v instanceof Boolean b ? b : null);
  /** {@code byte}, code {@code 'b'}. */
  public static final ValueType<Byte> BYTE = new ValueType<>('b', "byte", Byte.class, false,
      v -> integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE) ? ((Number) v).byteValue() : null);
  /** {@code short}, code {@code 'h'}. */
  public static final ValueType<Short> SHORT = new ValueType<>('h', "short", Short.class, false,
      v -> integral(v, Short.MIN_VALUE, Short.MAX_VALUE) ? ((Number) v).shortValue() : null);
  /** {@code int}, code {@code 'i'}. */
  public static final ValueType<Integer> INT = new ValueType<>('i', "int", Integer.class, false,
      v -> integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE) ? ((Number) v).intValue() : null);
  /** {@code long}, codes {@code 'l'} and {@code 'q'} (64 bits, as C's {@code long} on Linux). */
  public static final ValueType<Long> LONG = new ValueType<>('q', "long", Long.class, true,
      v -> integral(v, Long.MIN_VALUE, Long.MAX_VALUE) ? ((Number) v).longValue() : null);
  /** {@code float}, code {@code 'f'}. */
  public static final ValueType<Float> FLOAT = new ValueType<>('f', "float", Float.class, false,
      v -> v instanceof Float || isWhole(v) ? ((Number) v).floatValue() : null);
  /** {@code double}, code {@code 'd'}. */
  public static final ValueType<Double> DOUBLE = new ValueType<>('d', "double", Double.class,
      true, v -> v instanceof Double || v instanceof Float || isWhole(v)
          ? ((Number) v).doubleValue() : null);
  /** {@code char}, codes {@code 'u'} and {@code 'c'}. */
  public static final ValueType<Character> CHAR = new ValueType<>('u', "char", Character.class,
      false, ValueType::toChar);

  private static final ValueType<?>[] ALL = {BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, CHAR};

  private final char code;
  private final String javaName;
  private final transient Class<T> boxed;
  private final boolean wide;
  private final transient Function<Object, T> coerce;

  private ValueType(char code, String javaName, Class<T> boxed, boolean wide,
      Function<Object, T> coerce) {
    this.code = code;
    this.javaName = javaName;
    this.boxed = boxed;
    this.wide = wide;
    this.coerce = coerce;
  }

  /**
   * The type for a CPython type code ({@code 'i'}, {@code 'd'}, ...; see the table above).
   *
   * @throws IllegalArgumentException for an unsigned or unknown code, naming it
   */
  public static ValueType<?> of(char code) {
    switch (code) {
      case 'l':
        return LONG;
      case 'c':
        return CHAR;
      case 'B': case 'H': case 'I': case 'L': case 'Q':
        throw new IllegalArgumentException("type code '" + code + "' is unsigned, which Java"
            + " has no primitive for; use '" + (code == 'B' ? 'h' : code == 'H' ? 'i' : 'q')
            + "' (a wider signed type) instead");
      default:
        for (ValueType<?> t : ALL) {
          if (t.code == code) {
            return t;
          }
        }
        throw new IllegalArgumentException("unknown type code '" + code + "'; expected one of"
            + " ? b h i l q f d u c");
    }
  }

  /** The canonical CPython type code ({@code 'q'} for {@link #LONG}, {@code 'u'} for CHAR). */
  public char code() {
    return code;
  }

  /** The boxed Java class of the elements, for example {@code Integer.class}. */
  public Class<T> javaType() {
    return boxed;
  }

  /** Whether the type is integral ({@code byte}, {@code short}, {@code int}, {@code long}). */
  public boolean isIntegral() {
    return this == BYTE || this == SHORT || this == INT || this == LONG;
  }

  /** Whether elements take a 64-bit slot (long, double) rather than a 32-bit one. */
  boolean wide() {
    return wide;
  }

  /**
   * {@code value} as this type: the same value, or a number of another class that this type
   * holds exactly (an {@code Integer} 5 for a {@code long}, for example).
   *
   * @throws IllegalArgumentException if the value is null, of another type, or out of range
   */
  T cast(Object value) {
    T t = value == null ? null : coerce.apply(value);
    if (t == null) {
      throw new IllegalArgumentException("a value of type '" + code + "' (" + javaName
          + ") cannot hold " + describe(value));
    }
    return t;
  }

  /** The slot bits of {@code value} (already {@linkplain #cast cast}). */
  long bits(Object value) {
    switch (code) {
      case '?':
        return ((Boolean) value) ? 1 : 0;
      case 'f':
        return Float.floatToRawIntBits((Float) value);
      case 'd':
        return Double.doubleToRawLongBits((Double) value);
      case 'u':
        return (Character) value;
      default:
        return ((Number) value).longValue();
    }
  }

  /** The value stored as {@code bits}. */
  T fromBits(long bits) {
    Object v;
    switch (code) {
      case '?': v = bits != 0; break;
      case 'b': v = (byte) bits; break;
      case 'h': v = (short) bits; break;
      case 'i': v = (int) bits; break;
      case 'f': v = Float.intBitsToFloat((int) bits); break;
      case 'd': v = Double.longBitsToDouble(bits); break;
      case 'u': v = (char) bits; break;
      default: v = bits;
    }
    return boxed.cast(v);
  }

  /** {@code bits + delta}, wrapped to this integral type as Java arithmetic wraps. */
  long wrap(long value) {
    switch (code) {
      case 'b': return (byte) value;
      case 'h': return (short) value;
      case 'i': return (int) value;
      default: return value;
    }
  }

  static String describe(Object value) {
    return value == null ? "null" : value instanceof String s ? "\"" + s + "\" (java.lang.String)"
        : value + " (" + value.getClass().getName() + ")";
  }

  private static boolean integral(Object v, long min, long max) {
    if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
      return false;
    }
    long l = ((Number) v).longValue();
    return l >= min && l <= max;
  }

  private static boolean isWhole(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  private static Character toChar(Object v) {
    if (v instanceof Character c) {
      return c;
    }
    return v instanceof String s && s.length() == 1 ? s.charAt(0) : null;
  }

  private Object readResolve() {
    return of(code);
  }

  /** {@code int ('i')}. */
  @Override
  public String toString() {
    return javaName + " ('" + code + "')";
  }
}
