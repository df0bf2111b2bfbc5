package dev.interleave.scenarios.explore;

import java.util.List;
import java.util.Optional;

/** Every harness scenario, in the article's order, with the id the command line knows it by. */
public final class ScenarioCatalog {

  /**
   * One scenario: a harness test method.
   *
   * @param id the command line's name, the article's section first, for example {@code 4.1-racy}
   * @param description one line saying what it shows
   * @param type the class declaring the {@code @InterleaveTest} method
   * @param method the method's name
   */
  public record Entry(String id, String description, Class<?> type, String method) {}

  /** The scenarios in the article's order. */
  public static final List<Entry> ALL = List.of(
      new Entry("3.1-daemon", "a daemon child does nothing after the main code ends",
          Process_3_1_DaemonEndsWithMain.class, "nothingOfTheDaemonRunsAfterMainEnds"),
      new Entry("3.2-terminate", "a terminated child is no longer alive once joined",
          Process_3_2_TerminateEndsProcess.class, "aTerminatedChildIsNotAlive"),
      new Entry("3.3-join", "join returns only after the child's last act",
          Process_3_3_JoinWaitsForChild.class, "mainGoesOnOnlyAfterTheChildEnded"),
      new Entry("4.1-racy", "without the lock an update is lost (expected violation)",
          Sync_4_1_LostUpdate.class, "anUpdateIsLost"),
      new Entry("4.1-histogram", "final values of ten racing decrements, controlled",
          Sync_4_1_LostUpdate.class, "finalValues"),
      new Entry("4.1-histogram-stress", "final values of ten racing decrements, stress",
          Sync_4_1_LostUpdate.class, "finalValuesUnderStress"),
      new Entry("4.1-locked", "with the lock no update is lost",
          Sync_4_1_LockedCounter.class, "noUpdateIsLost"),
      new Entry("4.2-semaphore", "ten diners, Semaphore(3): never more than three seated",
          Sync_4_2_SeatedDiners.class, "neverMoreThanThreeSeated"),
      new Entry("4.2-semaphore-sizes", "4..100 diners, capacity 1..5: never more than capacity",
          Sync_4_2_SeatedDiners.class, "neverMoreThanCapacitySeated"),
      new Entry("4.2-no-semaphore", "without the semaphore too many sit (expected violation)",
          Sync_4_2_SeatedDiners.class, "withoutTheSemaphoreTooManySit"),
      new Entry("4.3-event", "the child passes its wait only after the event is set",
          Sync_4_3_EventGate.class, "childPassesOnlyAfterSet"),
      new Entry("5.1-queue", "queue hand-off: nothing lost or duplicated, get waits for put",
          Ipc_5_1_QueueHandOff.class, "nothingLostOrDuplicated"),
      new Entry("5.2-pipe", "pipe exchange: every message once, in order, answered",
          Ipc_5_2_PipeExchange.class, "everyMessageArrivesOnceInOrder"),
      new Entry("6.1-isolation", "a child changes its copy of a global list, not the parent's",
          Share_6_1_DataIsolation.class, "theParentsListIsUnchanged"),
      new Entry("6.2-manager-racy", "manager dict decremented without a lock (expected violation)",
          Share_6_2_ManagerDict.class, "anUpdateIsLostWithoutALock"),
      new Entry("6.2-manager-locked", "manager dict decremented under a Lock: none lost",
          Share_6_2_ManagerDict.class, "noUpdateIsLostUnderALock"),
      new Entry("6.2-value-racy", "Value counter without its lock (expected violation)",
          Share_6_2_ValueCounter.class, "anIncrementIsLostWithoutTheLock"),
      new Entry("6.2-value-locked", "Value counter inside v.hold(): none lost",
          Share_6_2_ValueCounter.class, "noIncrementIsLostUnderTheLock"),
      new Entry("7.1-apply", "Pool.apply: tasks run one after another in every schedule",
          Pool_7_ClassicPrograms.class, "applyRunsTasksOneAfterAnother"),
      new Entry("7.1-apply-async", "Pool.applyAsync: tasks overlap in some schedules",
          Pool_7_ClassicPrograms.class, "applyAsyncLetsTasksOverlap"),
      new Entry("7.2-map", "Pool.map returns results in task order",
          Pool_7_ClassicPrograms.class, "mapReturnsResultsInTaskOrder"),
      new Entry("7.3-callback", "a callback has run when get() returns",
          Pool_7_ClassicPrograms.class, "theCallbackRanWhenGetReturns"),
      new Entry("7.4-pool-racy", "pool tasks without a lock lose an update (expected violation)",
          Pool_7_SharedCounter.class, "poolTasksLoseAnUpdateWithoutALock"),
      new Entry("7.4-pool-locked", "pool tasks with a lock count every task",
          Pool_7_SharedCounter.class, "withALockNoUpdateIsLost"),
      new Entry("7.5-executor-racy", "ProcessPoolExecutor tasks without a lock lose an update"
          + " (expected violation)", Pool_7_ExecutorCounter.class,
          "submittedTasksLoseAnUpdateWithoutALock"),
      new Entry("7.5-executor-locked", "ProcessPoolExecutor tasks with a lock count every task",
          Pool_7_ExecutorCounter.class, "withALockEverySubmittedTaskCounts"));

  private ScenarioCatalog() {}

  /** The scenario named {@code id}, if any. */
  public static Optional<Entry> byId(String id) {
    return ALL.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The ids, for messages. */
  public static List<String> ids() {
    return ALL.stream().map(Entry::id).toList();
  }
}
