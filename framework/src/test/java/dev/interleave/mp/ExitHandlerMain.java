package dev.interleave.mp;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A root program for the exit-handler tests: {@code exit LOG RELEASE} starts a daemonic and a
 * non-daemonic child and calls {@code System.exit(0)}; {@code thread LOG RELEASE} starts a
 * daemonic child and a non-daemon thread that outlives {@code main} and checks that the child
 * still runs then.
 */
public final class ExitHandlerMain {
  private ExitHandlerMain() {}

  public static void main(String[] args) throws Exception {
    Path log = Path.of(args[1]);
    Path release = Path.of(args[2]);
    Process daemon = new Process(DaemonOrderingMain::forever, release).setDaemon(true);
    daemon.start();
    ChildFixtures.append(log, "daemon " + daemon.pid());
    if (args[0].equals("exit")) {
      Process worker = new Process(DaemonOrderingMain::worker, log, release);
      worker.start();
      ChildFixtures.append(log, "worker " + worker.pid());
      ChildFixtures.append(log, "main exits");
      System.exit(0);
    }
    Thread main = Thread.currentThread();
    Thread user = new Thread(() -> {
      try {
        main.join();
        boolean ended = daemon.join(Duration.ofSeconds(2));
        ChildFixtures.append(log, ended ? "daemon ended with main" : "daemon outlived main");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "outlives-main");
    user.start();
    ChildFixtures.append(log, "main done");
  }
}
