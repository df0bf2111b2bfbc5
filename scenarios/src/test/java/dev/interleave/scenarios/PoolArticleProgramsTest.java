package dev.interleave.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.scenarios.article.Pool_7_1_Apply;
import dev.interleave.scenarios.article.Pool_7_1_ApplyAsync;
import dev.interleave.scenarios.article.Pool_7_2_Map;
import dev.interleave.scenarios.article.Pool_7_3_Callback;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The pool programs of section 7, run as a user would, checked by what they print. */
@Timeout(180)
@Execution(ExecutionMode.CONCURRENT)
class PoolArticleProgramsTest {

  @Test
  void applyRunsTheTasksOneAfterAnother() throws Exception {
    List<String> lines = ArticleProgramsTest.run(Pool_7_1_Apply.class);
    assertThat(lines).hasSize(10);
    assertEquals("主进程开始运行……", lines.get(0));
    for (int i = 0; i < 4; i++) {
      assertThat(lines.get(1 + 2 * i)).matches("进程\\d+开始执行任务" + i + "……");
      assertEquals("任务" + i + "执行完毕……", lines.get(2 + 2 * i));
    }
    assertEquals("主进程结束运行……", lines.get(9));
  }

  @Test
  void applyAsyncReturnsAtOnceAndRunsAtMostThreeTasksTogether() throws Exception {
    List<String> lines = ArticleProgramsTest.run(Pool_7_1_ApplyAsync.class);
    assertThat(lines).hasSize(11).startsWith("主进程开始运行……").endsWith("主进程结束运行……");
    int running = 0;
    int most = 0;
    for (String l : lines) {
      running += l.contains("开始执行任务") ? 1 : l.endsWith("执行完毕……") ? -1 : 0;
      most = Math.max(most, running);
    }
    // how many overlap depends on how soon the workers' JVMs run (on a loaded machine a worker
    // may start after the others finished, as a spawned CPython worker may); never more than 3
    assertThat(most).as(String.join("\n", lines)).isBetween(1, 3);
    assertThat(lines).filteredOn(l -> l.endsWith("执行完毕……")).hasSize(4);
    assertThat(lines.indexOf("主进程提交完所有任务……")).isLessThan(lines.indexOf("任务0执行完毕……"));
  }

  @Test
  void mapPrintsTheSquaresInOrder() throws Exception {
    assertEquals(List.of("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]", "imap结果:0", "imap结果:1",
        "imap结果:4"), ArticleProgramsTest.run(Pool_7_2_Map.class));
  }

  @Test
  void callbacksReceiveResultsAndTheFailure() throws Exception {
    List<String> lines = ArticleProgramsTest.run(Pool_7_3_Callback.class);
    assertThat(lines).containsExactlyInAnyOrder("回调收到结果:0", "回调收到结果:1", "回调收到结果:4",
        "回调收到结果:16", "错误回调收到异常:任务3出错了", "成功的任务数:4");
    assertEquals("成功的任务数:4", lines.get(lines.size() - 1));
  }
}
