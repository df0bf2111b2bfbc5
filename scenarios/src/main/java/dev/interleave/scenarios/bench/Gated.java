package dev.interleave.scenarios.bench;

import dev.interleave.mp.Process;
import java.util.List;

/** Runs gated children: start all, wait ready, open the gate, wait finished, join. */
final class Gated {
  private Gated() {}

  /** Returns {work seconds (gate open to all finished), seconds from first start to joined}. */
  static double[] run(SyncGate gate, List<Process> procs) throws InterruptedException {
    long launch = System.nanoTime();
    for (Process p : procs) {
      p.start();
    }
    gate.awaitReady(procs);
    long t0 = System.nanoTime();
    gate.go().set();
    gate.awaitFinished(procs);
    long t1 = System.nanoTime();
    SyncGate.joinAll(procs);
    long t2 = System.nanoTime();
    return new double[] {(t1 - t0) / 1e9, (t2 - launch) / 1e9};
  }
}
