package dev.interleave.reports.html;

import dev.interleave.report.StepKind;
import dev.interleave.report.SwitchCause;
import dev.interleave.report.TraceStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a step says in words: the operation's verb and its object ({@code JOIN Process-1},
 * {@code ACQUIRE lock#1}), a user point's label, a process's first step as "begins", and tags
 * for how it went (blocked, retry, kill) and why the process before it stopped.
 */
final class StepText {
  private static final String PROCESS_PREFIX = "process:";

  private StepText() {}

  /** The step's operation and object, for example {@code "JOIN Process-1"}. */
  static String action(TraceStep step) {
    String object = object(step.object());
    String label = step.label() == null || step.label().isBlank() ? null : step.label();
    if ("USER".equals(step.op())) {
      return label != null ? label : "point" + (object == null ? "" : " " + object);
    }
    if ("START".equals(step.op()) && object == null) {
      return "begins";
    }
    if ("EXIT".equals(step.op()) && (object == null || object.equals(step.process()))) {
      return "exits";
    }
    if ("SLEEP".equals(step.op()) && object == null) {
      return "wakes from sleep";
    }
    String text = object == null ? step.op() : step.op() + " " + object;
    if (label == null || label.equals(object) || label.equals(step.object())) {
      return text;
    }
    if (label.toLowerCase(Locale.ROOT).startsWith(text.toLowerCase(Locale.ROOT))) {
      String rest = label.substring(text.length()).trim();
      return rest.isEmpty() ? text : text + " " + rest;
    }
    return text + " \u2018" + label + "\u2019";
  }

  /** A process object ({@code process:Process-1}) as the process's name; others as they are. */
  static String object(String object) {
    if (object == null) {
      return null;
    }
    return object.startsWith(PROCESS_PREFIX) ? object.substring(PROCESS_PREFIX.length()) : object;
  }

  /** The tags of a step: what became of it, and how the process before it stopped. */
  static List<String> tags(TraceStep step) {
    List<String> tags = new ArrayList<>();
    if (step.switchCause() != null) {
      tags.add(cause(step.switchCause()));
    } else if (step.preemption()) {
      tags.add(cause(SwitchCause.PREEMPTED));
    }
    switch (step.kind()) {
      case BLOCKED -> tags.add("blocked");
      case RETRY -> tags.add("retry");
      case KILL -> tags.add("kill");
      case INJECTED_KILL -> tags.add("injected kill");
      default -> { }
    }
    if (step.violation()) {
      tags.add("violation");
    }
    return tags;
  }

  /** The tag of a switch cause: {@code preempted}, {@code after block}... */
  static String cause(SwitchCause cause) {
    return switch (cause) {
      case PREEMPTED -> "preempted";
      case BLOCKED -> "after block";
      case SLEPT -> "after sleep";
      case EXITED -> "after exit";
      case KILLED -> "after kill";
    };
  }

  /** The CSS class of a tag: its words joined by dashes. */
  static String css(String tag) {
    return tag.toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  /** Whether the step switched processes because the one before could not go on. */
  static boolean forced(TraceStep step) {
    return step.switchCause() != null && step.switchCause() != SwitchCause.PREEMPTED;
  }

  /** Whether the step is a preemption. */
  static boolean preempted(TraceStep step) {
    return step.preemption() || step.switchCause() == SwitchCause.PREEMPTED;
  }

  /** Whether the step's operation did not complete or ended a process. */
  static boolean notable(TraceStep step) {
    return step.kind() != StepKind.OPERATION;
  }
}
