package dev.interleave.scenarios.article;

import dev.interleave.mp.Pool;

/**
 * Section 7.1, the other half: {@code apply_async} returns at once, so a {@code Pool(3)} runs
 * three of the four tasks together and the fourth when a worker is free; the main process
 * prints its line at once and waits in {@code join()}.
 *
 * <pre>
 *     for i in range(4):
 *         pool.apply_async(task, (i,))
 *     print('主进程提交完所有任务……')
 *     pool.close()
 *     pool.join()
 * </pre>
 */
public final class Pool_7_1_ApplyAsync {
  private Pool_7_1_ApplyAsync() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("主进程开始运行……");
    Pool pool = new Pool(3);
    for (int i = 0; i < 4; i++) {
      pool.applyAsync(Pool_7_1_Apply::task, i);  // 非阻塞
    }
    System.out.println("主进程提交完所有任务……");
    pool.shutdown();                              // pool.close(): 不再接受新任务
    pool.join();                                  // 等待所有任务完成
    System.out.println("主进程结束运行……");
  }
}
