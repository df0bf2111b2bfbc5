package dev.interleave.scenarios.article;

import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Article 4.1, second program: the same counter under a Lock passed to every process. Nothing is
 * lost: the result is 0, and the run is serial (about ten seconds).
 */
public final class Sync_4_1_LockedCounter {
  private Sync_4_1_LockedCounter() {}

  static void func(Lock lock, Path num) throws IOException, InterruptedException {
    if (Files.exists(num)) {
      lock.acquire();
      int n = Integer.parseInt(Files.readString(num).trim());
      n -= 1;
      Thread.sleep(1000);
      Files.writeString(num, Integer.toString(n));
      lock.release();
    } else {
      Files.writeString(num, "10");
    }
  }

  public static void main(String[] args) throws Exception {
    Path num = Files.createTempDirectory("article-4.1-").resolve("num.txt");
    Files.writeString(num, "10");
    System.out.println("主进程开始运行……");
    Lock lock = new Lock();
    List<Process> pList = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Process p = new Process(Sync_4_1_LockedCounter::func, lock, num);
      pList.add(p);
      p.start();
    }
    for (Process p : pList) {
      p.join();
    }
    int n = Integer.parseInt(Files.readString(num).trim());
    System.out.println("最后结果为:" + n);
    System.out.println("主进程结束运行……");
    Files.delete(num);
    Files.delete(num.getParent());
  }
}
