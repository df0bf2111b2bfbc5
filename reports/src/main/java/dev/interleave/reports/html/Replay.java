package dev.interleave.reports.html;

import dev.interleave.report.FindingReport;

/**
 * A finding's replay commands, each alone in its block so that it runs as copied, with a copy
 * button the page's script reveals.
 */
final class Replay {
  private Replay() {}

  static void render(Html html, FindingReport f, String id) {
    html.open("div", "class", "replays").nl();
    if (f.replayCommand() == null && f.cliReplayCommand() == null) {
      html.element("p", "No replay command was recorded (stress mode cannot replay a schedule).",
          "class", "empty").nl();
    }
    if (f.cliReplayCommand() != null && !f.cliReplayCommand().equals(f.replayCommand())) {
      command(html, "Replay from the command line", f.cliReplayCommand(), id + "-cli");
    }
    if (f.replayCommand() != null) {
      command(html, "Replay", f.replayCommand(), id + "-replay");
    }
    html.close().nl();
  }

  private static void command(Html html, String title, String command, String id) {
    html.open("div", "class", "replay-block").nl();
    html.open("div", "class", "replay-head").element("span", title, "class", "replay-title");
    html.element("button", "Copy", "type", "button", "class", "copy", "data-copy", id,
        "hidden", "hidden");
    html.close().nl();
    html.open("pre", "class", "replay").element("code", command, "id", id).close().nl();
    html.close().nl();
  }
}
