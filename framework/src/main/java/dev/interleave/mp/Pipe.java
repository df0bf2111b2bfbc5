package dev.interleave.mp;

import dev.interleave.internal.ipc.RingChannel;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A pair of connected {@link Connection}s, as returned by CPython's {@code
 * multiprocessing.Pipe(duplex)}; in the manner of {@link java.nio.channels.Pipe#open()}.
 *
 * <pre>{@code
 * Pipe pipe = Pipe.open();
 * Process child = new Process((Connection c) -> c.send("hello"), pipe.second());
 * child.start();
 * String greeting = pipe.first().recv();
 * pipe.second().close();   // the parent's copy of the child's end
 * }</pre>
 *
 * <p>A pipe lives in shared memory (one 1 MiB ring per direction, under {@code /dev/shm} on
 * Linux) and can be used by any process that receives one of its ends; it is released when the
 * process that opened it exits. That process must therefore outlive the pipe's use by others.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Pipe {
  private final Connection first;
  private final Connection second;
  private final boolean duplex;

  private Pipe(Connection first, Connection second, boolean duplex) {
    this.first = first;
    this.second = second;
    this.duplex = duplex;
  }

  /** A duplex pipe, with the default {@link SerialFilter}. */
  public static Pipe open() {
    return open(true);
  }

  /**
   * A pipe with the default {@link SerialFilter}. With {@code duplex} false the first end only
   * receives and the second only sends; using either the other way throws {@link
   * IllegalStateException}.
   */
  public static Pipe open(boolean duplex) {
    return open(duplex, SerialFilter.defaults());
  }

  /** A pipe whose ends deserialize what they receive through {@code filter}. */
  public static Pipe open(boolean duplex, SerialFilter filter) {
    Objects.requireNonNull(filter, "filter");
    RingChannel[] ends = Failures.newPipe(duplex);
    return new Pipe(new Connection(ends[0], filter.rules()),
        new Connection(ends[1], filter.rules()), duplex);
  }

  /** The first end; for a one-way pipe, the receiving one. */
  public Connection first() {
    return first;
  }

  /** The second end; for a one-way pipe, the sending one. */
  public Connection second() {
    return second;
  }

  /** Whether both ends can send and receive. */
  public boolean isDuplex() {
    return duplex;
  }

  @Override
  public String toString() {
    return "Pipe[" + first + ", " + second + (duplex ? ", duplex]" : ", one-way]");
  }
}
