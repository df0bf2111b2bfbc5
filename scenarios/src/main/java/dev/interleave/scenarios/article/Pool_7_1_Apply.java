package dev.interleave.scenarios.article;

import dev.interleave.mp.Pool;

/**
 * Section 7.1 (the article's copy ends at 5.2; this is the classic pool program of CPython's
 * documentation in the article's manner): {@code apply} blocks until its task is done, so four
 * tasks on a {@code Pool(3)} run one after another.
 *
 * <pre>
 * def task(msg):
 *     print('进程{}开始执行任务{}……'.format(os.getpid(), msg))
 *     time.sleep(1)
 *     print('任务{}执行完毕……'.format(msg))
 * if __name__ == '__main__':
 *     print('主进程开始运行……')
 *     pool = Pool(3)
 *     for i in range(4):
 *         pool.apply(task, (i,))
 *     pool.close()
 *     pool.join()
 *     print('主进程结束运行……')
 * </pre>
 */
public final class Pool_7_1_Apply {
  private Pool_7_1_Apply() {}

  static Void task(Integer msg) throws InterruptedException {
    System.out.println("进程" + ProcessHandle.current().pid() + "开始执行任务" + msg + "……");
    Thread.sleep(1000);
    System.out.println("任务" + msg + "执行完毕……");
    return null;
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("主进程开始运行……");
    Pool pool = new Pool(3);
    for (int i = 0; i < 4; i++) {
      pool.apply(Pool_7_1_Apply::task, i);   // 阻塞: 一个任务完成后才提交下一个
    }
    pool.shutdown();                         // pool.close()
    pool.join();
    System.out.println("主进程结束运行……");
  }
}
