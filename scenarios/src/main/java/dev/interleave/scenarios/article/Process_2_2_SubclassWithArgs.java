package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;

/** Article 2.2, second form: a subclass with constructor arguments, calling super() first. */
public final class Process_2_2_SubclassWithArgs {
  private Process_2_2_SubclassWithArgs() {}

  static final class MyProcess extends Process {
    private final String arg1;
    private final String arg2;

    MyProcess(String arg1, String arg2) {
      super();
      this.arg1 = arg1;
      this.arg2 = arg2;
    }

    @Override
    public void run() {
      System.out.println("子进程: " + pid() + " " + arg1 + " " + arg2);
    }
  }

  public static void main(String[] args) {
    Process p1 = new MyProcess("我是arg1", "我是arg2");
    p1.start();
    Process p2 = new MyProcess("我是arg1", "我是arg2");
    p2.start();
    System.out.println("主进程: " + ProcessHandle.current().pid());
  }
}
