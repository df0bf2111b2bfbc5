package dev.interleave.internal.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A memory-mapped file shared by every process that maps it.
 *
 * <p>Words are accessed through {@link VarHandle}s with volatile semantics, so a compare-and-set
 * in one JVM is seen by every other JVM that maps the same file (the mapping is {@code
 * MAP_SHARED}). Offsets must be aligned to the word size. A segment stays mapped until the
 * buffer is garbage collected; unlinking its file does not affect processes that mapped it.
 * Creating or mapping a segment loads what waiting on it needs ({@link Parker#prepare}), so that
 * the first blocking call does not spend its timeout loading a native library.
 */
public final class Segment {
  private static final VarHandle INTS =
      MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
  private static final VarHandle LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private static final AtomicLong ANONYMOUS = new AtomicLong();

  private final String name;
  private final Path path;
  private final ByteBuffer buffer;
  private volatile long nativeAddress;

  private Segment(String name, Path path, ByteBuffer buffer) {
    this.name = name;
    this.path = path;
    this.buffer = buffer;
    Parker.system().prepare(this);
  }

  /** Creates a new zero-filled segment of {@code size} bytes named {@code name}. */
  static Segment create(Path dir, String name, int size) {
    Path path = dir.resolve(name);
    try (FileChannel ch = FileChannel.open(path, CREATE_OPTIONS, ownerOnly(dir))) {
      allocate(ch, path, size);
      return new Segment(name, path, ch.map(FileChannel.MapMode.READ_WRITE, 0, size));
    } catch (SegmentSpaceException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create shared-memory segment " + path, e);
    }
  }

  /*
   * The blocks are written before the file is mapped: a sparse file (ftruncate) on a full
   * file system maps fine and then faults (SIGBUS) on the first store into a page that cannot
   * be allocated, which the JVM reports as an InternalError or, inside an atomic operation,
   * dies of.
   */
  private static void allocate(FileChannel ch, Path path, int size) {
    try {
      writeZeros(ch, size);
    } catch (IOException e) {
      deleteQuietly(path);
      long free = -1;
      try {
        free = Files.getFileStore(path.getParent()).getUsableSpace();
      } catch (IOException ignored) {
        // the message says -1: unknown
      }
      throw new SegmentSpaceException("no space in " + path.getParent() + " for the " + size
          + "-byte shared-memory segment " + path.getFileName() + ": " + free + " bytes free ("
          + e.getMessage() + ")", e);
    }
  }

  /** Writes {@code size} zero bytes from the start of {@code ch}, allocating their blocks. */
  public static void writeZeros(FileChannel ch, long size) throws IOException {
    ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(size, 1 << 16));
    for (long at = 0; at < size; at += zeros.capacity()) {
      zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
      while (zeros.hasRemaining()) {
        ch.write(zeros, at + zeros.position());
      }
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // swept once this process is gone
    }
  }

  private static final java.util.Set<StandardOpenOption> CREATE_OPTIONS = java.util.Set.of(
      StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);

  /** Mode 0600 where the file system has POSIX modes: other users cannot read the segment. */
  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path dir) {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new java.nio.file.attribute.FileAttribute<?>[0];
    }
    return new java.nio.file.attribute.FileAttribute<?>[] {
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))};
  }

  /** Maps an existing segment; fails clearly if its file was already removed. */
  static Segment attach(Path dir, String name) {
    Path path = dir.resolve(name);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      return new Segment(name, path, ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size()));
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("shared-memory segment " + name + " no longer exists:"
          + " the process that created it has exited and released its resources", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map shared-memory segment " + path, e);
    }
  }

  /**
   * A segment over process-private direct memory, with no file: for tests of the algorithms
   * (for example jcstress) that need many short-lived segments within one JVM.
   */
  public static Segment anonymous(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("segment size must be positive but was: " + size);
    }
    return new Segment("anonymous-" + ANONYMOUS.incrementAndGet(), null,
        ByteBuffer.allocateDirect(size));
  }

  public String name() {
    return name;
  }

  /** The backing file, or null for an {@linkplain #anonymous anonymous} segment. */
  public Path path() {
    return path;
  }

  public int size() {
    return buffer.capacity();
  }

  /**
   * The direct buffer (mapped unless {@linkplain #anonymous anonymous}), for bulk byte copies
   * (its position and limit are not shared).
   */
  public ByteBuffer buffer() {
    return buffer;
  }

  public int getInt(int offset) {
    return (int) INTS.getVolatile(buffer, offset);
  }

  public void setInt(int offset, int value) {
    INTS.setVolatile(buffer, offset, value);
  }

  /** A release store: ordered after earlier accesses, without a full fence. */
  public void setIntRelease(int offset, int value) {
    INTS.setRelease(buffer, offset, value);
  }

  public boolean casInt(int offset, int expected, int value) {
    return INTS.compareAndSet(buffer, offset, expected, value);
  }

  public int getAndAddInt(int offset, int delta) {
    return (int) INTS.getAndAdd(buffer, offset, delta);
  }

  public long getLong(int offset) {
    return (long) LONGS.getVolatile(buffer, offset);
  }

  public void setLong(int offset, long value) {
    LONGS.setVolatile(buffer, offset, value);
  }

  /** A release store: ordered after earlier accesses, without a full fence. */
  public void setLongRelease(int offset, long value) {
    LONGS.setRelease(buffer, offset, value);
  }

  public boolean casLong(int offset, long expected, long value) {
    return LONGS.compareAndSet(buffer, offset, expected, value);
  }

  public long getAndSetLong(int offset, long value) {
    return (long) LONGS.getAndSet(buffer, offset, value);
  }

  public long getAndAddLong(int offset, long delta) {
    return (long) LONGS.getAndAdd(buffer, offset, delta);
  }

  /** The buffer's native address once a parker has looked it up, else 0. */
  long nativeAddress() {
    return nativeAddress;
  }

  void nativeAddress(long address) {
    nativeAddress = address;
  }

  /** Whether the backing file still exists (it is removed when its creator exits). */
  public boolean fileExists() {
    return path != null && Files.exists(path);
  }

  @Override
  public String toString() {
    return "Segment[" + name + ", " + size() + " bytes]";
  }
}
