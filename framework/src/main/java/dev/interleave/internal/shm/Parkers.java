package dev.interleave.internal.shm;

/** Chooses the platform's {@link Parker} once. */
final class Parkers {
  static final Parker SYSTEM = choose();

  private Parkers() {}

  private static Parker choose() {
    if (Boolean.getBoolean("interleave.shm.polling")) {
      return new PollingParker();
    }
    try {
      return FutexParker.create().map(p -> (Parker) p).orElseGet(PollingParker::new);
    } catch (LinkageError e) {
      return new PollingParker();
    }
  }
}
