package dev.interleave.internal.pool;

import dev.interleave.internal.runtime.Serialization;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The values of pool messages: short forms for the boxed primitives and strings that small tasks
 * mostly carry, Java serialization for everything else.
 *
 * <pre>
 * value := NULL | INT i32 | LONG i64 | DOUBLE f64 | TRUE | FALSE | STRING text | JAVA blob
 * text  := i32 length, UTF-8 bytes
 * blob  := i32 length, a Java serialization stream (Paths travel as paths)
 * </pre>
 *
 * <p>Messages themselves are described in {@link Messages}.
 */
final class Wire {
  static final byte NULL = 0;
  static final byte INT = 1;
  static final byte LONG = 2;
  static final byte DOUBLE = 3;
  static final byte TRUE = 4;
  static final byte FALSE = 5;
  static final byte STRING = 6;
  static final byte JAVA = 7;

  private Wire() {}

  /**
   * Writes {@code v}.
   *
   * @throws IllegalArgumentException naming the class that cannot be serialized
   */
  static void write(DataOutputStream out, Object v) throws IOException {
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (v instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (v instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (v instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (v instanceof String s) {
      out.writeByte(STRING);
      writeText(out, s);
    } else {
      out.writeByte(JAVA);
      writeBlob(out, Serialization.serialize(v));
    }
  }

  /** Reads a value written by {@link #write}, resolving classes with {@code loader}. */
  static Object read(DataInputStream in, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case INT -> in.readInt();
      case LONG -> in.readLong();
      case DOUBLE -> in.readDouble();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case STRING -> readText(in);
      case JAVA -> Serialization.deserialize(readBlob(in), loader);
      default -> throw new IOException("corrupt pool message: unknown value tag " + tag);
    };
  }

  static void writeText(DataOutputStream out, String s) throws IOException {
    writeBlob(out, s.getBytes(StandardCharsets.UTF_8));
  }

  static String readText(DataInputStream in) throws IOException {
    return new String(readBlob(in), StandardCharsets.UTF_8);
  }

  static void writeBlob(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static byte[] readBlob(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }

  static UncheckedIOException unexpected(IOException e) {
    return new UncheckedIOException("pool message: " + e.getMessage(), e);
  }
}
