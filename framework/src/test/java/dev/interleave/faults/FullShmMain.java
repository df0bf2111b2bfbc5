package dev.interleave.faults;

import dev.interleave.mp.Event;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Pipe;
import dev.interleave.mp.Queue;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A root program whose shared-memory directory is a small file system (argument 1): it makes
 * each kind of object until the directory is full, then checks that the objects made before
 * still work, and prints one line a kind: {@code KIND made N, then EXCEPTION: MESSAGE}, then
 * {@code intact} if every earlier object worked.
 */
public final class FullShmMain {
  private static final int MAX = 10_000;

  private FullShmMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("interleave.shm.dir", args[0]);
    Map<String, Supplier<Object>> kinds = new LinkedHashMap<>();
    kinds.put("Queue", Queue::new);
    kinds.put("Pipe", () -> Pipe.open(true));
    kinds.put("Lock", Lock::new);
    kinds.put("Event", Event::new);
    kinds.put("Value", () -> Value.of(ValueType.LONG, 7L));
    List<Object> made = new ArrayList<>();
    for (Map.Entry<String, Supplier<Object>> kind : kinds.entrySet()) {
      int n = 0;
      String failure = "no failure";
      try {
        for (; n < MAX; n++) {
          made.add(kind.getValue().get());
        }
      } catch (RuntimeException | Error e) {
        failure = e.getClass().getName() + ": " + e.getMessage();
      }
      System.out.println(kind.getKey() + " made " + n + ", then " + failure);
    }
    for (Object o : made) {
      use(o);
    }
    System.out.println("intact " + made.size());
  }

  @SuppressWarnings("unchecked")
  private static void use(Object o) throws InterruptedException {
    if (o instanceof Queue<?> q) {
      ((Queue<byte[]>) q).put(Payloads.of(1, 1000));
      check(Payloads.check(((Queue<byte[]>) q).get()) == 1, o);
    } else if (o instanceof Pipe p) {
      p.first().sendBytes(Payloads.of(2, 1000));
      check(Payloads.check(p.second().recvBytes()) == 2, o);
    } else if (o instanceof Lock l) {
      check(l.tryAcquire(), o);
      l.release();
    } else if (o instanceof Event e) {
      e.set();
      check(e.isSet(), o);
    } else if (o instanceof Value<?> v) {
      check(v.get().equals(7L), o);
    }
  }

  private static void check(boolean ok, Object o) {
    if (!ok) {
      throw new AssertionError("corrupted after the directory filled: " + o);
    }
  }
}
