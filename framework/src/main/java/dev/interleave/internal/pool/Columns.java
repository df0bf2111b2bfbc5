package dev.interleave.internal.pool;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of values in a pool message, in the most compact of three forms: all {@code Integer}s
 * or all {@code Long}s as raw big-endian numbers (what {@code map} over numbers sends and gets
 * back: no tag per value, read and written in bulk), or {@link Wire} values.
 *
 * <pre>
 * columns := INTS count:i32 i32*  |  LONGS count:i32 i64*  |  VALUES count:i32 value*
 * </pre>
 */
final class Columns {
  static final byte VALUES = 0;
  static final byte INTS = 1;
  static final byte LONGS = 2;

  private Columns() {}

  /** Writes {@code values}; an element that cannot be serialized fails naming its class. */
  static void write(Buffer b, List<?> values) throws IOException {
    byte form = formOf(values);
    b.data.writeByte(form);
    b.data.writeInt(values.size());
    if (form == VALUES) {
      for (Object v : values) {
        Wire.write(b.data, v);
      }
      return;
    }
    int width = form == INTS ? 4 : 8;
    byte[] raw = new byte[values.size() * width];
    ByteBuffer out = ByteBuffer.wrap(raw);
    if (form == INTS) {
      for (Object v : values) {
        out.putInt((Integer) v);
      }
    } else {
      for (Object v : values) {
        out.putLong((Long) v);
      }
    }
    b.write(raw, 0, raw.length);
  }

  private static byte formOf(List<?> values) {
    if (values.isEmpty()) {
      return VALUES;
    }
    Class<?> first = values.get(0) == null ? null : values.get(0).getClass();
    if (first != Integer.class && first != Long.class) {
      return VALUES;
    }
    for (Object v : values) {
      if (v == null || v.getClass() != first) {
        return VALUES;
      }
    }
    return first == Integer.class ? INTS : LONGS;
  }

  /** Reads columns at {@code in}'s position, leaving it after them. */
  static List<Object> read(ByteBuffer in, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    byte form = in.get();
    int n = in.getInt();
    List<Object> values = new ArrayList<>(n);
    if (form == INTS) {
      for (int i = 0; i < n; i++) {
        values.add(in.getInt());
      }
    } else if (form == LONGS) {
      for (int i = 0; i < n; i++) {
        values.add(in.getLong());
      }
    } else if (form == VALUES) {
      ByteArrayInputStream bytes = new ByteArrayInputStream(in.array(),
          in.arrayOffset() + in.position(), in.remaining());
      DataInputStream data = new DataInputStream(bytes);
      for (int i = 0; i < n; i++) {
        values.add(Wire.read(data, loader));
      }
      in.position(in.limit() - bytes.available());
    } else {
      throw new IOException("corrupt pool message: unknown column form " + form);
    }
    return values;
  }
}
