package dev.interleave.internal.pool;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;

/** A growable byte buffer whose array is used without a copy, with a {@link DataOutputStream}. */
final class Buffer extends ByteArrayOutputStream {
  final DataOutputStream data = new DataOutputStream(this);

  Buffer(int size) {
    super(size);
  }

  byte[] array() {
    return buf;
  }
}
