package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * What a process knows about itself or its parent: CPython's {@code current_process()} and
 * {@code parent_process()} in one record.
 *
 * @param name the process name ({@code MainProcess} for the root, {@code Process-N} by default)
 * @param pid the operating-system process id
 * @param daemon whether the process is daemonic
 */
@API(status = API.Status.EXPERIMENTAL)
public record ProcessInfo(String name, long pid, boolean daemon) {

  static ProcessInfo of(dev.interleave.internal.runtime.ProcessContext.Who who) {
    return new ProcessInfo(who.name(), who.pid(), who.daemon());
  }
}
