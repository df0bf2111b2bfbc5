package dev.interleave.scenarios.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits until the machine is quiet, as the baseline's {@code --wait-quiet}: machine-wide CPU use
 * over a one-second window below 15 %, read from {@code /proc/stat} (Linux; elsewhere it returns
 * at once).
 */
final class Quiet {
  private static final double THRESHOLD_PCT = 15.0;

  private Quiet() {}

  /** Waits at most {@code maxSeconds}; returns the last measured busy percentage. */
  static double await(double maxSeconds) throws InterruptedException {
    long start = System.nanoTime();
    double busy = Double.NaN;
    while (true) {
      long[] a = snapshot();
      Thread.sleep(1_000); // a measurement window, not synchronization
      long[] b = snapshot();
      if (a == null || b == null) {
        return Double.NaN;
      }
      long total = b[0] - a[0];
      busy = total == 0 ? 0 : 100.0 * (total - (b[1] - a[1])) / total;
      if (busy <= THRESHOLD_PCT || (System.nanoTime() - start) / 1e9 >= maxSeconds) {
        return busy;
      }
    }
  }

  /** {total jiffies, idle + iowait jiffies}, or null without /proc/stat. */
  private static long[] snapshot() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
