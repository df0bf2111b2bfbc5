package dev.interleave.scenarios.article;

import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Article 5.1: three producers put a random number each into a Queue(5), two consumers take one
 * each. One item stays in the queue. (The article's program joins an empty list; the children
 * are still awaited when the main code ends, as non-daemonic children are.)
 */
public final class Ipc_5_1_Queue {
  private Ipc_5_1_Queue() {}

  /** 向queue中输入数据的函数. */
  static void inputQ(Queue<Integer> queue) throws InterruptedException {
    int info = ThreadLocalRandom.current().nextInt(1, 101);
    queue.put(info);
    System.out.println("进程" + ProcessHandle.current().pid() + "往队列中存了一个数据:" + info);
  }

  /** 向queue中输出数据的函数. */
  static void outputQ(Queue<Integer> queue) throws InterruptedException {
    int info = queue.get();
    System.out.println("进程" + ProcessHandle.current().pid() + "从队列中取出一个数据:" + info);
  }

  public static void main(String[] args) {
    Queue<Integer> queue = new Queue<>(5);
    List<Process> lst1 = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Process process = new Process(Ipc_5_1_Queue::inputQ, queue);
      process.start();
      lst1.add(process);
    }
    // 输出进程
    for (int i = 0; i < 2; i++) {
      Process process = new Process(Ipc_5_1_Queue::outputQ, queue);
      process.start();
      lst1.add(process);
    }
  }
}
