package dev.interleave.internal.wire;

import dev.interleave.internal.wire.Message.Abort;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.Assign;
import dev.interleave.internal.wire.Message.ChildState;
import dev.interleave.internal.wire.Message.Exited;
import dev.interleave.internal.wire.Message.Go;
import dev.interleave.internal.wire.Message.Hello;
import dev.interleave.internal.wire.Message.Kind;
import dev.interleave.internal.wire.Message.Shutdown;
import dev.interleave.internal.wire.Message.Signal;
import dev.interleave.internal.wire.Message.Spawn;
import dev.interleave.internal.wire.Message.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes frame bodies: a tag byte, then the record's fields in declaration order.
 * Strings are {@code int} length (-1 for null) and UTF-8 bytes; byte arrays are {@code int}
 * length and bytes. The writer and the reader of each record sit next to each other.
 */
final class MessageCodec {
  private MessageCodec() {}

  static void write(DataOutput out, Message m) throws IOException {
    if (m instanceof Hello h) {
      out.writeByte(Tags.HELLO);
      out.writeInt(h.worker());
      out.writeLong(h.pid());
      writeString(out, h.token());
    } else if (m instanceof Arrive a) {
      writeArrive(out, a);
    } else if (m instanceof Exited e) {
      out.writeByte(Tags.EXITED);
      out.writeLong(e.epoch());
      out.writeInt(e.code());
      writeString(out, e.failure());
      writeString(out, e.stdout());
      writeString(out, e.stderr());
    } else if (m instanceof Go g) {
      out.writeByte(Tags.GO);
      out.writeLong(g.epoch());
      out.writeLong(g.now());
      out.writeBoolean(g.timedOut());
    } else if (m instanceof Assign a) {
      writeAssign(out, a);
    } else if (m instanceof Abort a) {
      out.writeByte(Tags.ABORT);
      out.writeLong(a.epoch());
    } else if (m instanceof Shutdown) {
      out.writeByte(Tags.SHUTDOWN);
    } else {
      writeFamily(out, m);
    }
  }

  /** The messages of processes started by processes. */
  private static void writeFamily(DataOutput out, Message m) throws IOException {
    if (m instanceof Spawn s) {
      out.writeByte(Tags.SPAWN);
      out.writeLong(s.epoch());
      writeString(out, s.name());
      out.writeBoolean(s.daemon());
      out.writeInt(s.payload().length);
      out.write(s.payload());
    } else if (m instanceof Signal s) {
      out.writeByte(Tags.SIGNAL);
      out.writeLong(s.epoch());
      out.writeInt(s.process());
      out.writeBoolean(s.force());
    } else if (m instanceof Status s) {
      out.writeByte(Tags.STATUS);
      out.writeLong(s.epoch());
      out.writeInt(s.process());
    } else if (m instanceof ChildState c) {
      out.writeByte(Tags.CHILD_STATE);
      out.writeLong(c.epoch());
      out.writeInt(c.process());
      out.writeLong(c.pid());
      out.writeBoolean(c.alive());
      out.writeInt(c.code());
      writeString(out, c.error());
    } else {
      throw new IllegalArgumentException("unknown message " + m);
    }
  }

  /**
   * The message in a frame's payload.
   *
   * @throws IOException if the payload is empty, ends inside the message or has an unknown tag
   */
  static Message decode(byte[] payload) throws IOException {
    if (payload.length == 0) {
      throw new IOException("corrupt frame length 0");
    }
    try {
      return read(new DataInputStream(new ByteArrayInputStream(payload)));
    } catch (EOFException e) {
      throw new IOException("corrupt frame: its " + payload.length
          + " bytes end inside a message", e);
    }
  }

  /** The frame payload of {@code m}. */
  static byte[] encode(Message m) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    write(new DataOutputStream(bytes), m);
    return bytes.toByteArray();
  }

  static Message read(DataInput in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case Tags.HELLO -> new Hello(in.readInt(), in.readLong(), readString(in));
      case Tags.ARRIVE -> readArrive(in);
      case Tags.EXITED -> new Exited(in.readLong(), in.readInt(), readString(in), readString(in),
          readString(in));
      case Tags.GO -> new Go(in.readLong(), in.readLong(), in.readBoolean());
      case Tags.ASSIGN -> readAssign(in);
      case Tags.ABORT -> new Abort(in.readLong());
      case Tags.SHUTDOWN -> new Shutdown();
      case Tags.SPAWN -> readSpawn(in);
      case Tags.SIGNAL -> new Signal(in.readLong(), in.readInt(), in.readBoolean());
      case Tags.STATUS -> new Status(in.readLong(), in.readInt());
      case Tags.CHILD_STATE -> new ChildState(in.readLong(), in.readInt(), in.readLong(),
          in.readBoolean(), in.readInt(), readString(in));
      default -> throw new IOException("unknown message tag " + tag);
    };
  }

  private static Spawn readSpawn(DataInput in) throws IOException {
    long epoch = in.readLong();
    String name = readString(in);
    boolean daemon = in.readBoolean();
    byte[] payload = new byte[in.readInt()];
    in.readFully(payload);
    return new Spawn(epoch, name, daemon, payload);
  }

  private static void writeArrive(DataOutput out, Arrive a) throws IOException {
    out.writeByte(Tags.ARRIVE);
    out.writeLong(a.epoch());
    out.writeByte(a.kind().ordinal());
    writeString(out, a.op());
    writeString(out, a.object());
    writeString(out, a.label());
    writeString(out, a.site());
    writeString(out, a.holder());
    out.writeLong(a.nanos());
  }

  private static Arrive readArrive(DataInput in) throws IOException {
    long epoch = in.readLong();
    Kind kind = Kind.values()[in.readByte()];
    return new Arrive(epoch, kind, readString(in), readString(in), readString(in),
        readString(in), readString(in), in.readLong());
  }

  private static void writeAssign(DataOutput out, Assign a) throws IOException {
    out.writeByte(Tags.ASSIGN);
    out.writeLong(a.epoch());
    out.writeInt(a.process());
    writeString(out, a.name());
    out.writeBoolean(a.daemon());
    writeString(out, a.parentName());
    out.writeLong(a.parentPid());
    out.writeInt(a.payload().length);
    out.write(a.payload());
    out.writeBoolean(a.controlled());
    out.writeLong(a.noiseSeed());
    out.writeBoolean(a.sites());
  }

  private static Assign readAssign(DataInput in) throws IOException {
    long epoch = in.readLong();
    int process = in.readInt();
    String name = readString(in);
    boolean daemon = in.readBoolean();
    String parentName = readString(in);
    long parentPid = in.readLong();
    byte[] payload = new byte[in.readInt()];
    in.readFully(payload);
    return new Assign(epoch, process, name, daemon, parentName, parentPid, payload,
        in.readBoolean(), in.readLong(), in.readBoolean());
  }

  private static void writeString(DataOutput out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] bytes = new byte[n];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
