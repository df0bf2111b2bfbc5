package dev.interleave.mp;

import java.nio.file.Path;

/** The article's 3.1 as a root program the daemon test runs in its own JVM. */
public final class DaemonOrderingMain {
  private DaemonOrderingMain() {}

  public static void main(String[] args) throws Exception {
    Path log = Path.of(args[0]);
    Path release = Path.of(args[1]);
    Process daemon = new Process(DaemonOrderingMain::forever, release).setDaemon(true);
    Process worker = new Process(DaemonOrderingMain::worker, log, release);
    daemon.start();
    worker.start();
    ChildFixtures.append(log, "daemon " + daemon.pid());
    ChildFixtures.append(log, "worker " + worker.pid());
    ChildFixtures.append(log, "main done");
  }

  static void forever(Path never) throws Exception {
    ChildFixtures.blockUntil(never.resolveSibling("never-" + never.getFileName()));
  }

  static void worker(Path log, Path release) throws Exception {
    ChildFixtures.blockUntil(release);
    ChildFixtures.append(log, "worker done");
  }
}
