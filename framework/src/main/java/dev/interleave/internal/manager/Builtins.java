package dev.interleave.internal.manager;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The objects a manager creates for its built-in type ids ({@code dict}, {@code Lock}, ...). */
public final class Builtins {
  /** The built-in type ids, as CPython's {@code SyncManager} registers them. */
  public static final Set<String> TYPE_IDS = Set.of("dict", "list", "Namespace", "Queue",
      "JoinableQueue", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event",
      "Barrier", "Value", "Array");

  private Builtins() {}

  /**
   * A new object of the built-in type {@code typeId} from {@code args}.
   *
   * @throws IllegalArgumentException for an unknown type id, naming it and the known ones
   */
  public static Object create(String typeId, Object[] args, Set<String> registered) {
    switch (typeId) {
      case "dict": return new ManagedDict(args.length == 0 ? Map.of() : (Map<?, ?>) args[0]);
      case "list": return new ManagedList(args.length == 0 ? List.of() : (List<?>) args[0]);
      case "Namespace": return new ManagedNamespace();
      case "Queue": case "JoinableQueue": return new ManagedQueue((Integer) args[0]);
      case "Lock": return ManagedAcquirer.lock();
      case "RLock": return ManagedAcquirer.rlock();
      case "Semaphore": return ManagedAcquirer.semaphore((Integer) args[0], false);
      case "BoundedSemaphore": return ManagedAcquirer.semaphore((Integer) args[0], true);
      case "Condition": return new ManagedCondition();
      case "Event": return new ManagedEvent();
      case "Barrier": return new ManagedBarrier((Integer) args[0]);
      default:
        Set<String> known = new TreeSet<>(TYPE_IDS);
        known.addAll(registered);
        throw new IllegalArgumentException("unknown typeid '" + typeId + "'; this manager knows "
            + known);
    }
  }

  /** Whether calls on {@code target} may block (so they must not hold its monitor). */
  public static boolean blocking(Object target) {
    return target instanceof ManagedQueue || target instanceof ManagedAcquirer
        || target instanceof ManagedCondition || target instanceof ManagedEvent
        || target instanceof ManagedBarrier;
  }
}
