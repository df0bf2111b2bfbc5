package dev.interleave.internal.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a parent sends a child JVM on its standard input: who it is and the serialized process.
 *
 * <pre>
 *  +---------+--------+--------------+--------------+----------+-------------------+---------------+
 *  | magic   | name   | daemon       | parentName   | parentPid| n, n x (key,value)| len, payload  |
 *  | int     | UTF    | boolean      | UTF          | long     | int, UTF pairs    | int, bytes    |
 *  +---------+--------+--------------+--------------+----------+-------------------+---------------+
 * </pre>
 *
 * @param properties system properties the child sets before deserializing the payload
 */
record ChildSpec(String name, boolean daemon, String parentName, long parentPid,
    Map<String, String> properties, byte[] payload) {
  static final int MAGIC = 0x494C5631; // "ILV1"

  ChildSpec {
    properties = Map.copyOf(properties);
  }

  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeUTF(name);
    out.writeBoolean(daemon);
    out.writeUTF(parentName);
    out.writeLong(parentPid);
    out.writeInt(properties.size());
    for (Map.Entry<String, String> e : properties.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
    out.writeInt(payload.length);
    out.write(payload);
    out.flush();
  }

  static ChildSpec readFrom(DataInputStream in) throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException("bad child spec magic 0x" + Integer.toHexString(magic));
    }
    String name = in.readUTF();
    boolean daemon = in.readBoolean();
    String parentName = in.readUTF();
    long parentPid = in.readLong();
    int n = in.readInt();
    Map<String, String> props = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      props.put(in.readUTF(), in.readUTF());
    }
    byte[] payload = in.readNBytes(in.readInt());
    return new ChildSpec(name, daemon, parentName, parentPid, props, payload);
  }
}
