package dev.interleave.mp;

import dev.interleave.internal.shm.Parker;

/**
 * A root program that prints whether the platform's parker is loaded before and after an
 * {@link Event} is created, and before its first timed wait.
 */
public final class FirstWaitMain {
  private FirstWaitMain() {}

  public static void main(String[] args) throws InterruptedException {
    boolean before = Parker.isLoaded();
    Event event = new Event();
    boolean afterCreate = Parker.isLoaded();
    boolean set = event.await(java.time.Duration.ofMillis(5));
    System.out.println("before=" + before + " afterCreate=" + afterCreate + " set=" + set);
  }
}
