package dev.interleave.scenarios.article;

import dev.interleave.mp.DictProxy;
import dev.interleave.mp.ListProxy;
import dev.interleave.mp.Manager;
import dev.interleave.mp.Process;
import java.util.List;

/**
 * Article 6.2 (CPython's "server process" example): a Manager holds a dict and a list; the
 * child changes both through proxies and the parent sees the changes.
 */
public final class Share_6_2_ManagerDictList {
  private Share_6_2_ManagerDictList() {}

  static void f(DictProxy<Object, Object> d, ListProxy<Integer> l) {
    d.put(1, "1");
    d.put("2", 2);
    d.put(0.25, null);
    l.reverse();
  }

  public static void main(String[] args) throws InterruptedException {
    try (Manager manager = Manager.launch()) {
      DictProxy<Object, Object> d = manager.dict();
      ListProxy<Integer> l = manager.list(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
      Process p = new Process(Share_6_2_ManagerDictList::f, d, l);
      p.start();
      p.join();
      System.out.println(Py.repr(d.copy()));
      System.out.println(Py.repr(l.copy()));
    }
  }
}
