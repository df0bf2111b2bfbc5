package dev.interleave.scenarios.article;

import dev.interleave.mp.Event;
import dev.interleave.mp.Process;
import java.time.LocalTime;

/**
 * Article 4.3: the main process gates a child with an Event: clear while the current second's
 * last digit is below 5, set otherwise; the child prints the second each time it passes.
 */
public final class Sync_4_3_Event {
  private Sync_4_3_Event() {}

  static void func(Event e) throws InterruptedException {
    System.out.println("子进程:开始运行……");
    while (true) {
      System.out.println("子进程:现在事件秒数是" + LocalTime.now().getSecond());
      e.await(); // 阻塞等待信号
      Thread.sleep(1000);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Event e = new Event();
    Process p = new Process(Sync_4_3_Event::func, e);
    p.start();
    for (int i = 0; i < 10; i++) {
      int s = LocalTime.now().getSecond() % 10; // 获取当前秒数的个位数
      if (s < 5) {
        System.out.println("子进程进入阻塞状态");
        e.clear(); // 使插入的flag为False 进程进入阻塞状态
      } else {
        System.out.println("子进程取消阻塞状态");
        e.set(); // 使插入的flag为True,进程进入非阻塞状态
      }
      Thread.sleep(1000);
    }
    e.set();
    Thread.sleep(3000);
    p.terminate();
    System.out.println("主进程运行结束……");
  }
}
