package dev.interleave.internal.shm;

/** Chooses the platform's {@link Parker} once, on first use. */
final class Parkers {
  private static volatile boolean loaded;

  private Parkers() {}

  static Parker system() {
    return Holder.SYSTEM;
  }

  static boolean loaded() {
    return loaded;
  }

  private static final class Holder {
    static final Parker SYSTEM = choose();
  }

  private static Parker choose() {
    Parker parker;
    if (Boolean.getBoolean("interleave.shm.polling")) {
      parker = new PollingParker();
    } else {
      try {
        parker = FutexParker.create().map(p -> (Parker) p).orElseGet(PollingParker::new);
      } catch (LinkageError e) {
        parker = new PollingParker();
      }
    }
    loaded = true;
    return parker;
  }
}
