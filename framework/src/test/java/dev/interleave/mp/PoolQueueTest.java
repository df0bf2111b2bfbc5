package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An Interleave queue passed to pool tasks is the same queue in every worker (in CPython a
 * {@code Queue} argument raises RuntimeError and {@code Manager().Queue()} is needed).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoolQueueTest {

  @Test
  void tasksPutIntoAQueueTheCallerReads() throws Exception {
    Queue<Integer> q = new Queue<>();
    try (Pool pool = new Pool(2)) {
      List<AsyncResult<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(pool.applyAsync(PoolTasks::putSquare, q, i));
      }
      List<Integer> got = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        got.add(q.get(Duration.ofSeconds(60)));
      }
      for (AsyncResult<Integer> r : results) {
        r.get();
      }
      Collections.sort(got);
      assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81), got);
    } finally {
      q.close();
    }
  }
}
