package dev.interleave.scenarios.article;

import dev.interleave.mp.AsyncResult;
import dev.interleave.mp.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 7.3: a callback receives each result in the main process (on a thread of the pool) as
 * its task completes; an error callback receives a failed task's exception.
 *
 * <pre>
 * def square(x):
 *     if x == 3:
 *         raise ValueError('任务{}出错了'.format(x))
 *     return x * x
 * def done(result):
 *     print('回调收到结果:{}'.format(result))
 * def failed(e):
 *     print('错误回调收到异常:{}'.format(e))
 * if __name__ == '__main__':
 *     pool = Pool(2)
 *     results = [pool.apply_async(square, (i,), callback=done, error_callback=failed)
 *                for i in range(5)]
 *     pool.close()
 *     pool.join()
 *     print('成功的任务数:{}'.format(sum(r.successful() for r in results)))
 * </pre>
 */
public final class Pool_7_3_Callback {
  private Pool_7_3_Callback() {}

  static int square(int x) {
    if (x == 3) {
      throw new IllegalArgumentException("任务" + x + "出错了");
    }
    return x * x;
  }

  public static void main(String[] args) throws InterruptedException {
    Pool pool = new Pool(2);
    List<AsyncResult<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      results.add(pool.applyAsync(Pool_7_3_Callback::square, i,
          r -> System.out.println("回调收到结果:" + r),
          e -> System.out.println("错误回调收到异常:" + e.getMessage())));
    }
    pool.shutdown();
    pool.join();
    long ok = results.stream().filter(AsyncResult::successful).count();
    System.out.println("成功的任务数:" + ok);
  }
}
