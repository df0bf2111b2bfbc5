package dev.interleave.internal.pool;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages between a pool and its workers, one per frame of the worker's pipe.
 *
 * <pre>
 * to a worker:   TASKS  'T' funcId:i32 hasFunc:u8 [func:blob] count:i32 (nargs:u8 value*)*
 *                STOP   'S'
 * to the pool:   READY  'Y'                         (the initializer returned)
 *                INIT   'I' failure                 (the initializer threw; the worker exits)
 *                RESULT 'R' count:i32 value*        (the results of one TASKS message, in order)
 *                ERROR  'E' failure                 (a task of that message threw)
 * failure := hasError:u8 [error:blob] description:text stack:text
 * </pre>
 *
 * <p>A worker answers each TASKS message with one RESULT or ERROR, in the order received, so the
 * pool knows which message every answer belongs to without ids.
 */
final class Messages {
  static final byte TASKS = 'T';
  static final byte STOP = 'S';
  static final byte READY = 'Y';
  static final byte INIT = 'I';
  static final byte RESULT = 'R';
  static final byte ERROR = 'E';

  private Messages() {}

  /** The body of a TASKS message (after its function): the argument lists. */
  static byte[] encodeArgs(List<Object[]> argLists) {
    Buffer b = new Buffer(16 + argLists.size() * 8);
    try {
      b.data.writeInt(argLists.size());
      for (Object[] args : argLists) {
        b.data.writeByte(args.length);
        for (Object a : args) {
          Wire.write(b.data, a);
        }
      }
    } catch (IOException e) {
      throw Wire.unexpected(e);
    }
    return b.toByteArray();
  }

  /** A whole TASKS message: the header for this worker, then the body. */
  static byte[] tasks(int funcId, byte[] func, byte[] body) {
    Buffer b = new Buffer(16 + (func == null ? 0 : func.length) + body.length);
    try {
      b.data.writeByte(TASKS);
      b.data.writeInt(funcId);
      b.data.writeByte(func == null ? 0 : 1);
      if (func != null) {
        Wire.writeBlob(b.data, func);
      }
      b.data.write(body);
    } catch (IOException e) {
      throw Wire.unexpected(e);
    }
    return b.array().length == b.size() ? b.array() : b.toByteArray();
  }

  /** A RESULT message. */
  static byte[] result(List<Object> values) {
    Buffer b = new Buffer(16 + values.size() * 8);
    try {
      b.data.writeByte(RESULT);
      b.data.writeInt(values.size());
      for (Object v : values) {
        Wire.write(b.data, v);
      }
    } catch (IOException e) {
      throw Wire.unexpected(e);
    }
    return b.toByteArray();
  }

  /** An ERROR or INIT message for {@code error}; works whether or not it can be serialized. */
  static byte[] failure(byte tag, Throwable error) {
    Buffer b = new Buffer(1024);
    try {
      b.data.writeByte(tag);
      byte[] blob = trySerialize(error);
      b.data.writeByte(blob == null ? 0 : 1);
      if (blob != null) {
        Wire.writeBlob(b.data, blob);
      }
      Wire.writeText(b.data, describe(error, blob == null));
      Wire.writeText(b.data, stackText(error));
    } catch (IOException e) {
      throw Wire.unexpected(e);
    }
    return b.toByteArray();
  }

  private static byte[] trySerialize(Throwable error) {
    try {
      return dev.interleave.internal.runtime.Serialization.serialize(error);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String describe(Throwable error, boolean unserializable) {
    return error + (unserializable ? " (the exception itself could not be serialized: "
        + dev.interleave.internal.runtime.Serialization.problem(error) + ")" : "");
  }

  static String stackText(Throwable error) {
    StringWriter w = new StringWriter();
    error.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /** A reader of one received frame. */
  static DataInputStream reader(byte[] frame) {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame));
    return in;
  }

  /** Reads the values of a RESULT message whose tag was read. */
  static List<Object> readValues(DataInputStream in, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    int n = in.readInt();
    List<Object> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(Wire.read(in, loader));
    }
    return values;
  }

  /** Reads the failure of an ERROR or INIT message whose tag was read. */
  static Failure readFailure(DataInputStream in, String worker, ClassLoader loader)
      throws IOException {
    Throwable error = null;
    if (in.readByte() != 0) {
      byte[] blob = Wire.readBlob(in);
      try {
        error = (Throwable) dev.interleave.internal.runtime.Serialization.deserialize(blob, loader);
      } catch (ClassNotFoundException | IOException | RuntimeException e) {
        error = null;
      }
    }
    String description = Wire.readText(in);
    String stack = Wire.readText(in);
    String message = "task raised " + description + " in " + worker;
    return new Failure(Failure.Kind.RAISED, message, error, stack, worker);
  }
}
