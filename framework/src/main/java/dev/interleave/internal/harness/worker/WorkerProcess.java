package dev.interleave.internal.harness.worker;

import dev.interleave.mp.Process;
import java.nio.file.Path;

/**
 * The process a harness worker JVM runs through the ordinary child bootstrap: it connects to the
 * controller and serves tasks until told to stop or until its parent goes away.
 */
public final class WorkerProcess extends Process {
  private static final long serialVersionUID = 1L;
  /** The bootstrap name of worker {@code n}; the worker reads its number back from it. */
  public static final String NAME_PREFIX = "interleave-worker-";
  private final String socket;
  private final String token;

  /** One payload serves every worker of a pool (so booting one never takes a process name). */
  public WorkerProcess(Path socket, String token) {
    this.socket = socket.toString();
    this.token = token;
  }

  @Override
  public void run() throws Exception {
    String name = currentProcess().name();
    int index = Integer.parseInt(name.substring(NAME_PREFIX.length()));
    WorkerLoop.serve(Path.of(socket), index, token);
  }
}
