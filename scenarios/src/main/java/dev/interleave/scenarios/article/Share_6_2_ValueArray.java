package dev.interleave.scenarios.article;

import dev.interleave.mp.Array;
import dev.interleave.mp.Process;
import dev.interleave.mp.Value;
import java.util.stream.IntStream;

/**
 * Article 6 (CPython's "shared memory" example): a {@code Value('d', 0.0)} and an {@code
 * Array('i', range(10))} changed by the child are seen changed by the parent.
 */
public final class Share_6_2_ValueArray {
  private Share_6_2_ValueArray() {}

  static void f(Value<Object> n, Array<Object> a) {
    n.set(3.1415927);
    for (int i = 0; i < a.length(); i++) {
      a.set(i, -(Integer) a.get(i));
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Value<Object> num = Value.of('d', 0.0);
    Array<Object> arr = Array.of('i', IntStream.range(0, 10).toArray());
    Process p = new Process(Share_6_2_ValueArray::f, num, arr);
    p.start();
    p.join();
    System.out.println(num.get());
    System.out.println(Py.repr(arr.toList()));
  }
}
