package dev.interleave.internal.harness;

import dev.interleave.mp.Process;
import java.nio.file.Path;

/**
 * The process a harness worker JVM runs through the ordinary child bootstrap: it connects to the
 * controller and serves tasks until told to stop or until its parent goes away.
 */
final class WorkerProcess extends Process {
  private static final long serialVersionUID = 1L;
  private final String socket;
  private final int index;
  private final String token;

  WorkerProcess(Path socket, int index, String token) {
    this.socket = socket.toString();
    this.index = index;
    this.token = token;
  }

  @Override
  public void run() throws Exception {
    WorkerLoop.serve(Path.of(socket), index, token);
  }
}
