package dev.interleave.mp;

import dev.interleave.internal.shared.Blocks;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * A named block of shared memory, as CPython's {@code
 * multiprocessing.shared_memory.SharedMemory}: created by one process with a name and a size,
 * attached by name from any other process, read and written as a {@link ByteBuffer}.
 *
 * <pre>{@code
 * SharedMemory shm = SharedMemory.create(1024);            // SharedMemory(create=True, size=1024)
 * shm.buf().put(0, (byte) 42);
 * new Process((String name) -> {
 *   try (SharedMemory other = SharedMemory.attach(name)) { // SharedMemory(name)
 *     other.buf().get(0);
 *   }
 * }, shm.name()).start();
 * ...
 * shm.close();
 * shm.unlink();                                            // once, by one process
 * }</pre>
 *
 * <p><b>{@code close()} versus {@code unlink()}.</b> As in CPython, {@link #close()} ends this
 * process's use of the block (every process should close what it opened) and {@link #unlink()}
 * destroys the block's name, so no process can attach it any longer (call it once, in one
 * process, usually the creator). Buffers already obtained stay valid after either (a mapping is
 * released when its last buffer is garbage collected), so no access can crash the JVM.
 *
 * <p><b>Leaks.</b> A block lives until it is unlinked or the process that created it exits:
 * at its exit the creator unlinks its blocks that were not unlinked and prints a warning for each
 * on stderr, as CPython's resource tracker does when the program ends. Blocks of a creator killed
 * with {@code kill -9} are removed by the next Interleave process that creates a block. (In
 * CPython a block created by a child lives on until the whole program ends; here it ends with its
 * creator, whose exit is the only point the runtime can rely on.)
 *
 * <p><b>Memory consistency effects.</b> None beyond the buffer's: plain {@code ByteBuffer}
 * accesses are not ordered between processes. Order them with a {@link Lock}, an {@link Event}
 * or another primitive, whose release-acquire makes earlier writes visible.
 *
 * <p>The object travels to children as a {@link Process} argument by name (the child attaches
 * it).
 */
@API(status = API.Status.EXPERIMENTAL)
public final class SharedMemory implements AutoCloseable, Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final transient ByteBuffer bytes;
  private transient volatile boolean closed;

  private SharedMemory(Blocks.Mapped mapped) {
    this.name = mapped.name();
    this.bytes = mapped.bytes();
  }

  /** Creates a block of {@code size} zeroed bytes under a new random name ({@code psm_...}). */
  public static SharedMemory create(int size) {
    byte[] random = new byte[8];
    ThreadLocalRandom.current().nextBytes(random);
    return create("psm_" + HexFormat.of().formatHex(random), size);
  }

  /**
   * Creates the block {@code name} of {@code size} zeroed bytes: CPython's {@code
   * SharedMemory(name, create=True, size=size)}.
   *
   * @throws IllegalArgumentException if {@code size} is not positive, or the name is not a plain
   *     file name of at most 200 letters, digits, {@code _ . -} (a leading {@code /} is allowed)
   * @throws SharedMemoryExistsException if a block of that name exists
   */
  public static SharedMemory create(String name, int size) {
    String bare = Blocks.checkName(name);
    if (size <= 0) {
      throw new IllegalArgumentException("the size of a shared memory block must be positive but"
          + " was: " + size);
    }
    try {
      return new SharedMemory(Blocks.create(bare, size));
    } catch (dev.interleave.internal.shm.SegmentSpaceException e) {
      throw new NoSpaceException(e.getMessage(), e);
    } catch (FileAlreadyExistsException e) {
      throw new SharedMemoryExistsException("a shared memory block named '" + bare
          + "' already exists", e);
    }
  }

  /**
   * Attaches the existing block {@code name}: CPython's {@code SharedMemory(name)}.
   *
   * @throws SharedMemoryNotFoundException if no block has that name (never created, or unlinked)
   */
  public static SharedMemory attach(String name) {
    String bare = Blocks.checkName(name);
    try {
      return new SharedMemory(Blocks.attach(bare));
    } catch (NoSuchFileException e) {
      throw new SharedMemoryNotFoundException("no shared memory block is named '" + bare
          + "' (it was never created, or was unlinked)", e);
    }
  }

  /** The block's name, without a leading {@code /}. */
  public String name() {
    return name;
  }

  /** The block's size in bytes, as created. */
  public int size() {
    return bytes.capacity();
  }

  /**
   * A view of the block's bytes: a new buffer each call (position 0, limit {@link #size()},
   * big-endian unless reordered), over the same memory in every process.
   *
   * @throws IllegalStateException if this object was closed
   */
  public ByteBuffer buf() {
    if (closed) {
      throw new IllegalStateException("shared memory block '" + name + "' was closed in this"
          + " process; attach it again to use it");
    }
    return bytes.duplicate();
  }

  /**
   * Ends this process's use of the block ({@link #buf()} fails afterwards); the block and its
   * name remain for other processes. Closing twice does nothing.
   */
  @Override
  public void close() {
    closed = true;
  }

  /**
   * Destroys the block's name: no process can attach it afterwards; processes that attached it
   * keep their views. Call it once, in one process.
   *
   * @throws SharedMemoryNotFoundException if the block was already unlinked
   */
  public void unlink() {
    if (!Blocks.unlink(name)) {
      throw new SharedMemoryNotFoundException("shared memory block '" + name
          + "' was already unlinked", null);
    }
  }

  @Override
  public String toString() {
    return "SharedMemory('" + name + "', size=" + size() + (closed ? ", closed)" : ")");
  }

  private Object writeReplace() {
    return new SerialForm(name);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a SharedMemory is deserialized through its serial form");
  }

  /** What travels to a child: the name, attached on arrival. */
  private record SerialForm(String name) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return attach(name);
    }
  }
}
