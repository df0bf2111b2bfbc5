package dev.interleave.internal.sync;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

/**
 * Runs jcstress like its own {@code Main}, then checks the result file once more and exits
 * non-zero if a result failed its grading or ended in error, or if no test ran.
 *
 * <p>jcstress 0.16 itself ends with an uncaught {@code AssertionError} ("TEST FAILURES"), so a
 * non-zero exit, when a result fails or errs; it exits 0 when no test matched. The second check
 * covers that case and does not depend on the first.
 */
public final class JcstressMain {
  private JcstressMain() {}

  public static void main(String[] args) throws Exception {
    Options opts = new Options(args);
    if (!opts.parse()) {
      System.exit(2);
    }
    new JCStress(opts).run();
    List<String> bad = badResults(opts.getResultFile());
    if (!bad.isEmpty()) {
      System.err.println("jcstress: " + bad.size() + " failed or erroneous results: " + bad);
      System.exit(1);
    }
  }

  private static List<String> badResults(String resultFile) throws Exception {
    InProcessCollector collector = new InProcessCollector();
    DiskReadCollector reader = new DiskReadCollector(resultFile, collector);
    reader.dump();
    reader.close();
    List<String> bad = new ArrayList<>();
    int ran = 0;
    for (TestResult r : collector.getTestResults()) {
      if (r.status() == Status.API_MISMATCH) {
        continue;
      }
      ran++;
      if (r.status() != Status.NORMAL) {
        bad.add(r.getName() + " (" + r.status() + ")");
      } else if (!r.grading().isPassed) {
        bad.add(r.getName() + " (FAILED)");
      }
    }
    if (ran == 0) {
      bad.add("no test ran");
    }
    return bad;
  }
}
