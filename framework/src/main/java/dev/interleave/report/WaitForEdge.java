package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One edge of a deadlock's wait-for cycle: a process blocked on an object another process holds.
 *
 * @param process the blocked process
 * @param waitsFor the object it waits for, for example {@code "lock#1"}
 * @param heldBy the process that holds that object
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WaitForEdge(String process, String waitsFor, String heldBy) {

  /** Checks the arguments. */
  public WaitForEdge {
    Checks.required("process", process);
    Checks.required("waitsFor", waitsFor);
    Checks.required("heldBy", heldBy);
  }
}
