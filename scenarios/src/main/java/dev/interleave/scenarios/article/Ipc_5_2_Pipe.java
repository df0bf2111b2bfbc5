package dev.interleave.scenarios.article;

import dev.interleave.mp.Connection;
import dev.interleave.mp.Pipe;
import dev.interleave.mp.Process;

/**
 * Article 5.2: a duplex Pipe made before the process; the child greets the parent through its
 * end and reads the answer. (The article's listing is cut short after its first line; this is
 * its usual form.)
 */
public final class Ipc_5_2_Pipe {
  private Ipc_5_2_Pipe() {}

  static void f(Connection conn) throws InterruptedException {
    conn.send("主进程,你好呀!"); // 发送数据给主进程
    String reply = conn.recv();
    System.out.println("子进程收到主进程发来的数据:" + reply);
    conn.close();
  }

  public static void main(String[] args) throws InterruptedException {
    Pipe pipe = Pipe.open();
    Connection parentConn = pipe.first();
    Connection childConn = pipe.second();
    Process p = new Process(Ipc_5_2_Pipe::f, childConn);
    p.start();
    String hello = parentConn.recv();
    System.out.println("主进程收到子进程的数据:" + hello);
    parentConn.send("子进程,你好啊!");
    p.join();
    System.out.println("主进程结束运行……");
  }
}
