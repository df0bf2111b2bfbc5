package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;

/** Article 3.2: terminate() and is_alive(); right after terminate the child may still live. */
public final class Process_3_2_TerminateIsAlive {
  private Process_3_2_TerminateIsAlive() {}

  static void func() throws InterruptedException {
    long pid = ProcessHandle.current().pid();
    for (int i = 1; ; i++) {
      Thread.sleep(1000);
      System.out.println(i + "--子进程p1正在执行,pid:" + pid);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    long pid = ProcessHandle.current().pid();
    System.out.println("主进程代码开始运行,pid:" + pid);
    Process p = new Process(Process_3_2_TerminateIsAlive::func);
    p.start();
    Thread.sleep(3000);
    p.terminate(); // 终结进程p
    System.out.println(p.isAlive() ? "True" : "False"); // 检查p是否依然存活
    Thread.sleep(1000);
    System.out.println(p.isAlive() ? "True" : "False");
    System.out.println("主进程代码运行完了,pid:" + pid);
  }
}
