package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;

/** Article 2.1: a process created from a function and its argument. */
public final class Process_2_1_FunctionTarget {
  private Process_2_1_FunctionTarget() {}

  static void func(Integer n) throws InterruptedException {
    System.out.println("子进程开始运行:" + n + "……");
    Thread.sleep(1000);
    System.out.println("子进程结束运行:" + n + "……");
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("主进程开始运行……");
    Process p = new Process(Process_2_1_FunctionTarget::func, 10); // 注册
    p.start(); // 启动一个子进程
    Thread.sleep(1000);
    System.out.println("主进程结束运行……");
  }
}
