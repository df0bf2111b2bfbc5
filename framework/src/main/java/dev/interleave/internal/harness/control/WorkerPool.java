package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.worker.WorkerProcess;
import dev.interleave.internal.runtime.ChildJvm;
import dev.interleave.internal.runtime.Launcher;
import dev.interleave.internal.runtime.Serialization;
import dev.interleave.internal.wire.Connection;
import dev.interleave.internal.wire.Endpoint;
import dev.interleave.internal.wire.Message;
import dev.interleave.internal.wire.Message.Hello;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Warm harness worker JVMs, reused across schedules and tests, and the control endpoint they
 * connect to. Closing the pool stops the workers and removes the endpoint; the JUnit extension
 * keeps one pool in the root context's store so that it dies with the test run.
 *
 * <p>Workers are booted in parallel through the ordinary child bootstrap and prove themselves
 * with a random token on connecting (the endpoint's directory is already private to the owner).
 */
public final class WorkerPool implements AutoCloseable {
  private static final long CONNECT_TIMEOUT_SECONDS = 120;
  private final Endpoint endpoint;
  private final String token;
  private final byte[] payload;
  private final Reactor reactor = new Reactor();
  private final List<Worker> workers = new ArrayList<>();
  private final Map<Integer, Worker> byIndex = new ConcurrentHashMap<>();
  private final Map<Integer, CountDownLatch> connected = new ConcurrentHashMap<>();
  private int nextIndex;

  WorkerPool() {
    try {
      this.endpoint = Endpoint.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the harness control endpoint", e);
    }
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    this.token = HexFormat.of().formatHex(bytes);
    this.payload = Serialization.serialize(new WorkerProcess(endpoint.socket(), token));
    Thread acceptor = new Thread(this::acceptLoop, "interleave-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** At least {@code n} usable workers, booting what is missing; the first {@code n} returned. */
  synchronized List<Worker> take(int n) throws InterruptedException {
    workers.removeIf(w -> !w.usable());
    List<Thread> boots = new ArrayList<>();
    List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    while (workers.size() + boots.size() < n) {
      int index = nextIndex++;
      connected.put(index, new CountDownLatch(1));
      Thread t = new Thread(() -> boot(index, failures), "interleave-boot-" + index);
      t.start();
      boots.add(t);
    }
    for (Thread t : boots) {
      t.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    return new ArrayList<>(workers.subList(0, n));
  }

  private void boot(int index, List<RuntimeException> failures) {
    try {
      ChildJvm jvm = Launcher.launchDirect(WorkerProcess.NAME_PREFIX + index, payload);
      Worker w = new Worker(index, jvm);
      byIndex.put(index, w);
      if (!connected.get(index).await(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        jvm.terminate(true);
        throw new IllegalStateException("harness worker " + index + " did not connect within "
            + CONNECT_TIMEOUT_SECONDS + " s");
      }
      synchronized (workers) {
        workers.add(w);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add(new IllegalStateException("interrupted while booting a worker", e));
    } catch (RuntimeException e) {
      failures.add(e);
    }
  }

  private void acceptLoop() {
    while (true) {
      Connection c;
      try {
        c = endpoint.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        Message m = c.receive();
        if (m instanceof Hello h && token.equals(h.token()) && connected.containsKey(h.worker())) {
          awaitWorker(h.worker()).attach(c, reactor);
          connected.get(h.worker()).countDown();
        } else {
          c.close();
        }
      } catch (IOException e) {
        closeQuietly(c);
      }
    }
  }

  private Worker awaitWorker(int index) {
    Worker w;
    while ((w = byIndex.get(index)) == null) {
      Thread.onSpinWait(); // launchDirect returns right after the worker's bootstrap started
    }
    return w;
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  @Override
  public synchronized void close() throws IOException {
    for (Worker w : byIndex.values()) {
      w.shutdown();
    }
    workers.clear();
    endpoint.close();
    reactor.close();
  }
}
