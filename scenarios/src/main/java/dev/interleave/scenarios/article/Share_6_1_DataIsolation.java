package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;
import java.util.ArrayList;
import java.util.List;

/**
 * Article 6.1: processes do not share data. The child appends to its copy of a global list;
 * the parent's list is unchanged, since the child is another JVM with its own statics (as a
 * CPython child has its own interpreter).
 */
public final class Share_6_1_DataIsolation {
  static final List<Integer> DATA = new ArrayList<>(List.of(1, 2, 3));

  private Share_6_1_DataIsolation() {}

  static void work() {
    DATA.add(4);
    System.out.println("子进程里的列表:" + Py.repr(DATA));
  }

  public static void main(String[] args) throws InterruptedException {
    Process p = new Process(Share_6_1_DataIsolation::work);
    p.start();
    p.join();
    System.out.println("主进程里的列表:" + Py.repr(DATA));
  }
}
