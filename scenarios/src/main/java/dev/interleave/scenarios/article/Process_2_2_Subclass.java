package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;

/** Article 2.2, first form: a subclass of Process that overrides run(). */
public final class Process_2_2_Subclass {
  private Process_2_2_Subclass() {}

  static final class MyProcess extends Process {
    @Override
    public void run() {
      System.out.println("子进程: " + pid());
    }
  }

  public static void main(String[] args) {
    Process p1 = new MyProcess();
    p1.start();
    Process p2 = new MyProcess();
    p2.start();
    System.out.println("主进程: " + ProcessHandle.current().pid());
  }
}
