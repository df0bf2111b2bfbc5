package dev.interleave.scenarios.article;

import dev.interleave.mp.DictProxy;
import dev.interleave.mp.Held;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Manager;
import dev.interleave.mp.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Article 6.2: ten processes decrement a count in a manager's dict, each under a Lock (a read
 * and a write through the proxy are two calls: without the lock, updates can be lost). The result
 * is {@code {'count': 0}}.
 */
public final class Share_6_2_ManagerCounter {
  private Share_6_2_ManagerCounter() {}

  static void work(DictProxy<String, Integer> d, Lock lock) throws InterruptedException {
    try (Held held = lock.hold()) {
      d.put("count", d.get("count") - 1);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Lock lock = new Lock();
    try (Manager m = Manager.launch()) {
      DictProxy<String, Integer> dic = m.dict(Map.of("count", 10));
      List<Process> pList = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Process p = new Process(Share_6_2_ManagerCounter::work, dic, lock);
        pList.add(p);
        p.start();
      }
      for (Process p : pList) {
        p.join();
      }
      System.out.println(Py.repr(dic.copy()));
    }
  }
}
