package dev.interleave.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Runs the article's programs as a user would and checks what they print, and in what order.
 * The programs mostly sleep, so they run concurrently.
 */
@Timeout(180)
@Execution(ExecutionMode.CONCURRENT)
class ArticleProgramsTest {

  static List<String> run(Class<?> main) throws IOException, InterruptedException {
    java.lang.Process jvm = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), main.getName())
        .redirectErrorStream(true).start();
    try {
      byte[] out = jvm.getInputStream().readAllBytes();
      assertTrue(jvm.waitFor(60, TimeUnit.SECONDS));
      List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
      assertEquals(0, jvm.exitValue(), String.join("\n", lines));
      return lines;
    } finally {
      jvm.descendants().forEach(ProcessHandle::destroyForcibly);
      jvm.destroyForcibly();
    }
  }

  private static void assertOrder(List<String> lines, String... expected) {
    int at = -1;
    for (String e : expected) {
      int next = lines.indexOf(e);
      assertTrue(next > at, "expected '" + e + "' after the previous line in " + lines);
      at = next;
    }
  }

  @Test
  void functionTargetPrintsMainAndChildLines() throws Exception {
    List<String> lines = run(dev.interleave.scenarios.article.Process_2_1_FunctionTarget.class);
    assertOrder(lines, "主进程开始运行……", "子进程开始运行:10……", "子进程结束运行:10……");
    assertThat(lines).contains("主进程结束运行……").hasSize(4);
  }

  @Test
  void subclassesPrintTheirOwnPids() throws Exception {
    List<String> lines = run(dev.interleave.scenarios.article.Process_2_2_SubclassWithArgs.class);
    assertThat(lines).hasSize(3).anyMatch(l -> l.startsWith("主进程: "));
    assertThat(lines.stream().filter(l -> l.matches("子进程: \\d+ 我是arg1 我是arg2")).distinct())
        .hasSize(2);
    assertThat(run(dev.interleave.scenarios.article.Process_2_2_Subclass.class))
        .filteredOn(l -> l.matches("子进程: \\d+")).hasSize(2);
  }

  @Test
  void daemonStopsWithTheMainCodeAndTheOtherChildFinishes() throws Exception {
    List<String> lines = run(dev.interleave.scenarios.article.Process_3_1_Daemon.class);
    int mainDone = indexOfPrefix(lines, "主进程代码运行完了");
    // the daemon's fifth tick (five seconds after it started) races the main code's end (five
    // seconds after both children started), as in CPython: at most that tick follows main's line
    assertThat(lines.subList(mainDone, lines.size())).filteredOn(l -> l.contains("子进程p1正在执行"))
        .hasSizeLessThanOrEqualTo(1);
    assertThat(lines.subList(0, mainDone)).anyMatch(l -> l.startsWith("1--子进程p1正在执行"));
    assertThat(lines.get(lines.size() - 1)).startsWith("子进程p2结束执行");
  }

  @Test
  void terminatedChildIsAliveAtFirstThenDead() throws Exception {
    List<String> lines = run(dev.interleave.scenarios.article.Process_3_2_TerminateIsAlive.class);
    int last = indexOfPrefix(lines, "主进程代码运行完了");
    assertEquals("False", lines.get(last - 1), "a second after terminate() the child is dead");
    List<String> status = lines.stream().filter(l -> l.equals("True") || l.equals("False")).toList();
    assertThat(status).hasSize(2);
    // the child's tick at three seconds may race terminate() at three seconds, as in CPython;
    // nothing of it comes after the second check
    assertThat(lines.subList(last - 1, lines.size())).noneMatch(l -> l.contains("子进程p1正在执行"));
  }

  @Test
  void joinWaitsForTheFirstChildOnly() throws Exception {
    List<String> lines = run(dev.interleave.scenarios.article.Process_3_3_Join.class);
    assertOrder(lines, "主进程开始运行……", "进程1结束运行……", "主进程结束运行……", "进程2结束运行……");
  }

  @Test
  void racyCounterEndsWithSomeValueAndLockedCounterWithZero() throws Exception {
    List<String> racy = run(dev.interleave.scenarios.article.Sync_4_1_RacyCounter.class);
    assertThat(racy).hasSize(3).element(1).asString().matches("最后结果为:[0-9]");
    List<String> locked = run(dev.interleave.scenarios.article.Sync_4_1_LockedCounter.class);
    assertEquals(List.of("主进程开始运行……", "最后结果为:0", "主进程结束运行……"), locked);
  }

  @Test
  void semaphoreSeatsAtMostThreeDinersAndFillsTheTable() throws Exception {
    List<String> lines = run(dev.interleave.scenarios.article.Sync_4_2_Semaphore.class);
    int seated = 0;
    int most = 0;
    for (String line : lines) {
      seated += line.endsWith("上座,开始吃饭") ? 1 : line.endsWith("吃完饭了,离座") ? -1 : 0;
      most = Math.max(most, seated);
    }
    assertEquals(3, most, String.join("\n", lines));
    assertEquals(0, seated);
    assertThat(lines).hasSize(20);
  }

  @Test
  void eventGatedChildRunsUntilTerminated() throws Exception {
    List<String> lines = run(dev.interleave.scenarios.article.Sync_4_3_Event.class);
    assertThat(lines).contains("子进程:开始运行……");
    assertThat(lines).filteredOn(l -> l.startsWith("子进程:现在事件秒数是")).isNotEmpty();
    // the child's once-a-second line may race terminate() by a few milliseconds (as in CPython):
    // at most that one line follows the main process's last
    int end = lines.indexOf("主进程运行结束……");
    assertTrue(end >= 0 && end >= lines.size() - 2, String.join("\n", lines));
  }

  @Test
  void queueMovesThreeItemsOfWhichConsumersTakeTwo() throws Exception {
    List<String> lines = run(dev.interleave.scenarios.article.Ipc_5_1_Queue.class);
    List<String> put = lines.stream().filter(l -> l.contains("往队列中存了一个数据:"))
        .map(l -> l.substring(l.indexOf(':') + 1)).toList();
    List<String> got = lines.stream().filter(l -> l.contains("从队列中取出一个数据:"))
        .map(l -> l.substring(l.indexOf(':') + 1)).toList();
    assertThat(put).hasSize(3);
    assertThat(got).hasSize(2);
    assertThat(put).containsAll(got);
  }

  @Test
  void pipeCarriesTheGreetingBothWays() throws Exception {
    List<String> lines = run(dev.interleave.scenarios.article.Ipc_5_2_Pipe.class);
    assertOrder(lines, "主进程收到子进程的数据:主进程,你好呀!", "主进程结束运行……");
    assertThat(lines).contains("子进程收到主进程发来的数据:子进程,你好啊!");
  }

  @Test
  void aChildChangesOnlyItsCopyOfAGlobalList() throws Exception {
    assertEquals(List.of("子进程里的列表:[1, 2, 3, 4]", "主进程里的列表:[1, 2, 3]"),
        run(dev.interleave.scenarios.article.Share_6_1_DataIsolation.class));
  }

  @Test
  void aManagersDictAndListShowTheChildsChanges() throws Exception {
    assertEquals(List.of("{1: '1', '2': 2, 0.25: None}", "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]"),
        run(dev.interleave.scenarios.article.Share_6_2_ManagerDictList.class));
  }

  @Test
  void tenLockedDecrementsOfAManagersCountReachZero() throws Exception {
    assertEquals(List.of("{'count': 0}"),
        run(dev.interleave.scenarios.article.Share_6_2_ManagerCounter.class));
  }

  @Test
  void aValueAndAnArrayShowTheChildsChanges() throws Exception {
    assertEquals(List.of("3.1415927", "[0, -1, -2, -3, -4, -5, -6, -7, -8, -9]"),
        run(dev.interleave.scenarios.article.Share_6_2_ValueArray.class));
  }

  private static int indexOfPrefix(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starting with " + prefix + " in " + lines);
  }
}
