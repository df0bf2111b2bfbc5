package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;

/** Article 3.3: join() blocks the main process until the joined child ends. */
public final class Process_3_3_Join {
  private Process_3_3_Join() {}

  static void func1() throws InterruptedException {
    System.out.println("进程1开始运行……");
    for (int i = 0; i < 3; i++) {
      Thread.sleep(1000);
      System.out.println("进程1运行了" + (i + 1) + "秒……");
    }
    System.out.println("进程1结束运行……");
  }

  static void func2() throws InterruptedException {
    System.out.println("进程2开始运行……");
    for (int i = 0; i < 6; i++) {
      Thread.sleep(1000);
      System.out.println("进程2运行了" + (i + 1) + "秒……");
    }
    System.out.println("进程2结束运行……");
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("主进程开始运行……");
    Process p1 = new Process(Process_3_3_Join::func1);
    Process p2 = new Process(Process_3_3_Join::func2);
    p1.start();
    p2.start();
    Thread.sleep(1000);
    p1.join();
    // p2.join();
    System.out.println("主进程结束运行……");
  }
}
