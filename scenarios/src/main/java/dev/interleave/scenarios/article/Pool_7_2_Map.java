package dev.interleave.scenarios.article;

import dev.interleave.mp.Pool;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Section 7.2: {@code map} splits its iterable into chunks over the workers and returns the
 * results in order; {@code imap} yields them one by one. The pool is a try-with-resources
 * resource, which ends it as CPython's {@code with} does.
 *
 * <pre>
 * def square(x):
 *     return x * x
 * if __name__ == '__main__':
 *     with Pool(4) as pool:
 *         print(pool.map(square, range(10)))
 *         for r in pool.imap(square, range(3)):
 *             print('imap结果:{}'.format(r))
 * </pre>
 */
public final class Pool_7_2_Map {
  private Pool_7_2_Map() {}

  static int square(int x) {
    return x * x;
  }

  public static void main(String[] args) throws InterruptedException {
    try (Pool pool = new Pool(4)) {
      List<Integer> squares = pool.map(Pool_7_2_Map::square, IntStream.range(0, 10).boxed().toList());
      System.out.println(squares);
      for (var it = pool.imap(Pool_7_2_Map::square, List.of(0, 1, 2)); it.hasNext(); ) {
        System.out.println("imap结果:" + it.next());
      }
    }
  }
}
