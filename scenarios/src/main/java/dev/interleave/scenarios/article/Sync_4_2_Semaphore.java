package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;
import dev.interleave.mp.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/** Article 4.2, second program: ten diners, a table of three seats guarded by Semaphore(3). */
public final class Sync_4_2_Semaphore {
  private Sync_4_2_Semaphore() {}

  static void fun(Integer i, Semaphore sem) throws InterruptedException {
    sem.acquire();
    System.out.println(i + "号顾客上座,开始吃饭");
    Thread.sleep(1000L * ThreadLocalRandom.current().nextInt(3, 9));
    System.out.println(i + "号顾客吃完饭了,离座");
    sem.release();
  }

  public static void main(String[] args) {
    Semaphore sem = new Semaphore(3);
    for (int i = 0; i < 10; i++) {
      Process p = new Process(Sync_4_2_Semaphore::fun, i, sem);
      p.start();
    }
  }
}
