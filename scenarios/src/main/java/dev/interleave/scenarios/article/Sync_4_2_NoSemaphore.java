package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;
import java.util.concurrent.ThreadLocalRandom;

/** Article 4.2, first program: 100 diners and no semaphore: everyone sits down at once. */
public final class Sync_4_2_NoSemaphore {
  private Sync_4_2_NoSemaphore() {}

  static void fun(Integer i) throws InterruptedException {
    System.out.println(i + "号顾客上座,开始吃饭");
    Thread.sleep(1000L * ThreadLocalRandom.current().nextInt(3, 9));
    System.out.println(i + "号顾客吃完饭了,离座");
  }

  public static void main(String[] args) {
    for (int i = 0; i < 100; i++) {
      Process p = new Process(Sync_4_2_NoSemaphore::fun, i);
      p.start();
    }
  }
}
