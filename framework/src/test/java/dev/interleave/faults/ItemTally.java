package dev.interleave.faults;

/**
 * What a reader of one writer's {@link Payloads} saw: whole items in order, corrupt ones,
 * duplicates and gaps (items skipped). Used by one thread.
 */
final class ItemTally {
  private long next;
  private volatile long whole; // read by the thread that waits for the first item
  private long corrupt;
  private long duplicated;
  private long skipped;

  void accept(byte[] item) {
    long seq = Payloads.check(item);
    if (seq < 0) {
      corrupt++;
    } else if (seq < next) {
      duplicated++;
    } else {
      skipped += seq - next;
      whole++;
      next = seq + 1;
    }
  }

  long whole() {
    return whole;
  }

  long corrupt() {
    return corrupt;
  }

  long duplicated() {
    return duplicated;
  }

  long skipped() {
    return skipped;
  }

  @Override
  public String toString() {
    return whole + " whole, " + corrupt + " corrupt, " + duplicated + " duplicated, " + skipped
        + " skipped";
  }
}
