package dev.interleave.faults;

import dev.interleave.mp.Listener;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Manager;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A root program that leaves one of everything behind if it is killed: a held lock, a queue item
 * spilled to a file, a listener's socket, a manager (its server JVM and socket), a daemonic and a
 * non-daemonic child each holding a lock, and the warm JVMs. Arguments: the log file it writes
 * once all that exists ({@code listener PATH}, {@code manager PATH}, then {@code ready}), and
 * {@code hold} (wait to be killed) or {@code exit} (make the root's own resources, use them,
 * and exit normally: the next start after a kill).
 */
public final class KilledRootMain {
  private KilledRootMain() {}

  public static void main(String[] args) throws Exception {
    boolean hold = args[1].equals("hold");
    Lock lock = new Lock();
    lock.acquire();
    Queue<byte[]> q = new Queue<>();
    q.put(new byte[600_000]); // more than a quarter of the ring: it waits in a spill file
    Listener listener = new Listener();
    StringBuilder log = new StringBuilder("listener " + listener.address() + "\n");
    if (!hold) {
      q.get();
      q.close();
      listener.close();
      lock.release();
      publish(Path.of(args[0]), log + "done\n");
      return;
    }
    Manager manager = Manager.launch();
    log.append("manager ").append(manager.address()).append('\n');
    for (boolean daemon : new boolean[] {true, false}) {
      Process child = new Process(KilledRootMain::lockAndSleep);
      child.setDaemon(daemon);
      child.start();
    }
    publish(Path.of(args[0]), log + "ready\n");
    Thread.sleep(Long.MAX_VALUE);
  }

  static void lockAndSleep() throws InterruptedException {
    new Lock().acquire();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void publish(Path file, String content) throws java.io.IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
