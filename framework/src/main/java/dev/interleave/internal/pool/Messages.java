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
 * to a worker:   TASKS  'T' funcId:i32 hasFunc:u8 [func:blob] args   (see encodeArgs)
 *                STOP   'S'
 * to the pool:   READY  'Y'                         (the initializer returned)
 *                INIT   'I' failure                 (the initializer threw; the worker exits)
 *                RESULT 'R' columns                 (the results of one TASKS message, in order)
 *                ERROR  'E' failure                 (a task of that message threw)
 * failure := hasError:u8 [error:blob] description:text stack:text
 * columns := see Columns
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

  /** Argument lists of one argument each, as columns of the first arguments. */
  static final byte ONE_ARG = 1;
  /** Argument lists of any length, each with its length. */
  static final byte ANY_ARGS = 0;

  /**
   * The body of a TASKS message (after its function): {@code ONE_ARG columns} when every task
   * takes one argument, else {@code ANY_ARGS count:i32 (nargs:u8 value*)*}.
   */
  static byte[] encodeArgs(List<Object[]> argLists) {
    Buffer b = new Buffer(16 + argLists.size() * 8);
    try {
      if (argLists.stream().allMatch(a -> a.length == 1)) {
        b.data.writeByte(ONE_ARG);
        List<Object> firsts = new ArrayList<>(argLists.size());
        for (Object[] a : argLists) {
          firsts.add(a[0]);
        }
        Columns.write(b, firsts);
        return b.toByteArray();
      }
      b.data.writeByte(ANY_ARGS);
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

  /** Reads the argument lists of a TASKS body at {@code in}'s position. */
  static List<Object[]> readArgs(java.nio.ByteBuffer in, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    byte mode = in.get();
    if (mode == ONE_ARG) {
      List<Object> firsts = Columns.read(in, loader);
      List<Object[]> args = new ArrayList<>(firsts.size());
      for (Object a : firsts) {
        args.add(new Object[] {a});
      }
      return args;
    }
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(in.array(),
        in.position(), in.remaining()));
    int n = data.readInt();
    List<Object[]> args = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Object[] a = new Object[data.readUnsignedByte()];
      for (int j = 0; j < a.length; j++) {
        a[j] = Wire.read(data, loader);
      }
      args.add(a);
    }
    return args;
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

  /** A RESULT message: {@code 'R' columns}. */
  static byte[] result(List<Object> values) {
    Buffer b = new Buffer(16 + values.size() * 8);
    try {
      b.data.writeByte(RESULT);
      Columns.write(b, values);
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

  /** Reads the values of a RESULT message. */
  static List<Object> readValues(byte[] frame, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(frame);
    in.get();
    return Columns.read(in, loader);
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
