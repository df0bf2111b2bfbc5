package dev.interleave.internal.ipc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of queues and pipes that this process closed while other processes still held them.
 *
 * <p>A handle's {@code close()} removes its file when no live process holds it any more and no
 * handle of it is in transit. A holder that is killed never closes, so nobody would look again
 * and the file would stay until its creator's exit. CPython's pipes and semaphores are kernel
 * objects that go with their last holder. So the process that closed last while others still
 * held on looks again every {@value #PERIOD_MILLIS} ms, on a daemon thread that runs only while
 * something is watched, and removes the file once none of its holders is alive.
 *
 * <p>A watched entry keeps its segment mapped in this process until then, or until its file is
 * gone by other means (another holder's close, its creator's exit, a harness worker's end of
 * task), whichever comes first: so entries never outlive their files by more than a look.
 */
final class LastHolderWatch {
  static final long PERIOD_MILLIS = 1000;
  /** One entry a file, however many of its handles closed while others held it. */
  private static final Map<Path, Watched> WATCHED = new LinkedHashMap<>();
  private static Thread thread;

  private LastHolderWatch() {}

  /** Files to remove once no table of {@code tables} has a live holder or a handle in transit. */
  private record Watched(Path file, EndTable[] tables, Runnable remove) {
    boolean unreachable() {
      if (!Files.exists(file)) {
        return true; // removed already; what else remove() deletes is gone or goes quietly
      }
      for (EndTable t : tables) {
        if (t.anyLive()) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Runs {@code remove} once {@code file} is gone or no live process holds any of {@code tables}
   * and no handle of them is in transit; called by a handle's close that found other holders.
   */
  static synchronized void watch(Path file, Runnable remove, EndTable... tables) {
    WATCHED.putIfAbsent(file, new Watched(file, tables.clone(), remove));
    if (thread == null) {
      thread = new Thread(LastHolderWatch::loop, "interleave-last-holder-watch");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Whether {@code file} is watched now (for tests). */
  static synchronized boolean isWatched(Path file) {
    return WATCHED.containsKey(file);
  }

  private static void loop() {
    while (true) {
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        // nothing interrupts this thread but the JVM's end; look once more, then go on
      }
      for (Watched w : unreachable()) {
        w.remove().run();
      }
      synchronized (LastHolderWatch.class) {
        if (WATCHED.isEmpty()) {
          thread = null;
          return;
        }
      }
    }
  }

  /** Takes the entries nobody can reach any more out of the watch. */
  private static synchronized List<Watched> unreachable() {
    List<Watched> gone = new ArrayList<>();
    for (Iterator<Watched> it = WATCHED.values().iterator(); it.hasNext(); ) {
      Watched w = it.next();
      if (w.unreachable()) {
        it.remove();
        gone.add(w);
      }
    }
    return gone;
  }
}
