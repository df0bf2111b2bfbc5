package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Article 4.1, first program: ten processes read num.txt, decrement, sleep a second and write
 * back, without a lock. Updates are lost: the result is not 0 (the article saw 8).
 */
public final class Sync_4_1_RacyCounter {
  private Sync_4_1_RacyCounter() {}

  static void func(Path num) throws IOException, InterruptedException {
    if (Files.exists(num)) {
      int n = Integer.parseInt(Files.readString(num).trim());
      n -= 1;
      Thread.sleep(1000);
      Files.writeString(num, Integer.toString(n));
    } else {
      Files.writeString(num, "10");
    }
  }

  public static void main(String[] args) throws Exception {
    Path num = Files.createTempDirectory("article-4.1-").resolve("num.txt");
    Files.writeString(num, "10");
    System.out.println("主进程开始运行……");
    List<Process> pList = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Process p = new Process(Sync_4_1_RacyCounter::func, num);
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
