package dev.interleave.reports.html;

import dev.interleave.report.WaitForEdge;
import java.util.List;

/** A deadlock's wait-for cycle, drawn and as a list of sentences. */
final class WaitForSection {
  private WaitForSection() {}

  static void render(Html html, List<WaitForEdge> edges, String arrowId) {
    html.element("h4", "Wait-for cycle").nl();
    html.open("div", "class", "wait-for").nl();
    html.open("figure", "class", "wait-for").nl();
    html.raw(WaitForSvg.render(edges, arrowId)).nl();
    html.close().nl();
    html.open("ul", "class", "wait-for").nl();
    for (WaitForEdge edge : edges) {
      html.open("li").element("strong", edge.process()).text(" waits for ");
      html.element("code", edge.waitsFor()).text(", held by ").element("strong", edge.heldBy());
      html.close().nl();
    }
    html.close().nl();
    html.close().nl();
  }
}
