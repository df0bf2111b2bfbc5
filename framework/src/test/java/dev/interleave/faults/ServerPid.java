package dev.interleave.faults;

/** A type registered with a manager whose one method tells the server process's pid. */
public final class ServerPid {
  /** The pid of the process this object lives in. */
  public long pid() {
    return ProcessHandle.current().pid();
  }
}
