package dev.interleave.scenarios;

import dev.interleave.scenarios.article.Ipc_5_1_Queue;
import dev.interleave.scenarios.article.Ipc_5_2_Pipe;
import dev.interleave.scenarios.article.Pool_7_1_Apply;
import dev.interleave.scenarios.article.Pool_7_1_ApplyAsync;
import dev.interleave.scenarios.article.Pool_7_2_Map;
import dev.interleave.scenarios.article.Pool_7_3_Callback;
import dev.interleave.scenarios.article.Process_2_1_FunctionTarget;
import dev.interleave.scenarios.article.Process_2_2_Subclass;
import dev.interleave.scenarios.article.Process_2_2_SubclassWithArgs;
import dev.interleave.scenarios.article.Process_3_1_Daemon;
import dev.interleave.scenarios.article.Process_3_2_TerminateIsAlive;
import dev.interleave.scenarios.article.Process_3_3_Join;
import dev.interleave.scenarios.article.Share_6_1_DataIsolation;
import dev.interleave.scenarios.article.Share_6_2_ManagerCounter;
import dev.interleave.scenarios.article.Share_6_2_ManagerDictList;
import dev.interleave.scenarios.article.Share_6_2_ValueArray;
import dev.interleave.scenarios.article.Sync_4_1_LockedCounter;
import dev.interleave.scenarios.article.Sync_4_1_RacyCounter;
import dev.interleave.scenarios.article.Sync_4_2_NoSemaphore;
import dev.interleave.scenarios.article.Sync_4_2_Semaphore;
import dev.interleave.scenarios.article.Sync_4_3_Event;
import java.util.List;
import java.util.Optional;

/**
 * One of the article's example programs.
 *
 * @param id the article's section number, with a suffix where a section has several programs
 * @param title what the program shows
 * @param mainClass the class whose {@code main} runs it
 */
public record ArticleProgram(String id, String title, Class<?> mainClass) {

  /** Every program, in the article's order. */
  public static final List<ArticleProgram> ALL = List.of(
      new ArticleProgram("2.1", "a process from a function and its argument",
          Process_2_1_FunctionTarget.class),
      new ArticleProgram("2.2a", "a Process subclass overriding run()", Process_2_2_Subclass.class),
      new ArticleProgram("2.2b", "a Process subclass with constructor arguments",
          Process_2_2_SubclassWithArgs.class),
      new ArticleProgram("3.1", "daemon: ends with the main code; the other child is awaited",
          Process_3_1_Daemon.class),
      new ArticleProgram("3.2", "terminate() and is_alive()", Process_3_2_TerminateIsAlive.class),
      new ArticleProgram("3.3", "join() waits for the joined child", Process_3_3_Join.class),
      new ArticleProgram("4.1a", "ten processes decrement num.txt without a lock: updates are lost",
          Sync_4_1_RacyCounter.class),
      new ArticleProgram("4.1b", "the same under a Lock: the result is 0", Sync_4_1_LockedCounter.class),
      new ArticleProgram("4.2a", "100 diners without a semaphore all sit down at once",
          Sync_4_2_NoSemaphore.class),
      new ArticleProgram("4.2b", "10 diners, Semaphore(3): never more than three at the table",
          Sync_4_2_Semaphore.class),
      new ArticleProgram("4.3", "an Event gates the child", Sync_4_3_Event.class),
      new ArticleProgram("5.1", "three producers and two consumers share a Queue(5)",
          Ipc_5_1_Queue.class),
      new ArticleProgram("5.2", "parent and child greet each other through a Pipe", Ipc_5_2_Pipe.class),
      new ArticleProgram("6.1", "a child changes its copy of a global list; the parent's is unchanged",
          Share_6_1_DataIsolation.class),
      new ArticleProgram("6.2a", "a child changes a Manager's dict and list; the parent sees it",
          Share_6_2_ManagerDictList.class),
      new ArticleProgram("6.2b", "ten processes decrement a Manager dict's count under a Lock",
          Share_6_2_ManagerCounter.class),
      new ArticleProgram("6.2c", "a Value and an Array changed by a child, seen by the parent",
          Share_6_2_ValueArray.class),
      new ArticleProgram("7.1a", "Pool.apply blocks: four tasks run one after another",
          Pool_7_1_Apply.class),
      new ArticleProgram("7.1b", "Pool.applyAsync returns at once: three tasks run together",
          Pool_7_1_ApplyAsync.class),
      new ArticleProgram("7.2", "Pool.map returns the results in order; imap yields them",
          Pool_7_2_Map.class),
      new ArticleProgram("7.3", "applyAsync with a callback and an error callback",
          Pool_7_3_Callback.class));

  /** The program with this id. */
  public static Optional<ArticleProgram> byId(String id) {
    return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
