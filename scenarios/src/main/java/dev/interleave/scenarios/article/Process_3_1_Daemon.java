package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;

/**
 * Article 3.1: a daemon child printing every second dies when the main code ends; the
 * non-daemon child is waited for.
 */
public final class Process_3_1_Daemon {
  private Process_3_1_Daemon() {}

  static void func() throws InterruptedException {
    long pid = ProcessHandle.current().pid();
    for (int i = 1; ; i++) {
      Thread.sleep(1000);
      System.out.println(i + "--子进程p1正在执行,pid:" + pid);
    }
  }

  static void func2() throws InterruptedException {
    long pid = ProcessHandle.current().pid();
    System.out.println("子进程p2开始执行,pid:" + pid);
    Thread.sleep(10_000);
    System.out.println("子进程p2结束执行,pid:" + pid);
  }

  public static void main(String[] args) throws InterruptedException {
    long pid = ProcessHandle.current().pid();
    System.out.println("主进程代码开始运行,pid:" + pid);
    Process p = new Process(Process_3_1_Daemon::func);
    p.setDaemon(true); // 设置为守护进程
    p.start();
    Process p2 = new Process(Process_3_1_Daemon::func2);
    p2.start();
    Thread.sleep(5000);
    System.out.println("主进程代码运行完了,pid:" + pid);
  }
}
