package dev.interleave.reports.html;

import dev.interleave.report.WaitForEdge;
import dev.interleave.reports.html.WaitForGraph.Arc;
import dev.interleave.reports.html.WaitForGraph.Node;
import java.util.List;

/**
 * A deadlock's wait-for cycle: processes and objects as nodes on an ellipse, clockwise in the order
 * of the cycle, with curved arrows "waits for" (process to object) and "held by" (object to
 * holder).
 */
final class WaitForSvg {
  private static final int NODE_H = 32;
  private static final int PAD = 16;
  private static final int MAX_NAME = 28;

  private WaitForSvg() {}

  /** The figure; {@code id} makes the arrowhead's id unique within the page. */
  static String render(List<WaitForEdge> edges, String id) {
    WaitForGraph graph = WaitForGraph.of(edges);
    int n = graph.nodes().size();
    double nodeW = graph.nodes().stream().mapToDouble(WaitForSvg::nodeWidth).max().orElse(80);
    double rx = Math.max(nodeW + 40, 40.0 * n);
    double ry = Math.max(80, 25.0 * n);
    double width = 2 * rx + nodeW + 2 * PAD;
    double height = 2 * ry + NODE_H + 2 * PAD;
    double[][] at = positions(n, width / 2, height / 2, rx, ry);
    Html svg = Svg.open("wait-for", width, height, "Wait-for cycle");
    marker(svg, id);
    for (Arc arc : graph.arcs()) {
      arc(svg, graph, arc, at, id);
    }
    for (int i = 0; i < n; i++) {
      node(svg, graph.nodes().get(i), at[i][0], at[i][1]);
    }
    return svg.close().toString();
  }

  private static double[][] positions(int n, double cx, double cy, double rx, double ry) {
    double[][] at = new double[n][];
    for (int i = 0; i < n; i++) {
      double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
      at[i] = new double[] {cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)};
    }
    return at;
  }

  private static void marker(Html svg, String id) {
    svg.open("defs")
        .open(
            "marker",
            "id",
            id,
            "viewBox",
            "0 0 10 10",
            "refX",
            "9",
            "refY",
            "5",
            "markerWidth",
            "8",
            "markerHeight",
            "8",
            "orient",
            "auto-start-reverse");
    svg.empty("path", "d", "M0,0 L10,5 L0,10 z", "class", "arrowhead");
    svg.close().close();
  }

  private static void arc(Html svg, WaitForGraph graph, Arc arc, double[][] at, String id) {
    double[] a = at[arc.from()];
    double[] b = at[arc.to()];
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double bend = 0.18;
    double[] c = {(a[0] + b[0]) / 2 + dy * bend, (a[1] + b[1]) / 2 - dx * bend};
    double[] start = boundary(a, c, nodeWidth(graph.nodes().get(arc.from())));
    double[] end = boundary(b, c, nodeWidth(graph.nodes().get(arc.to())) + 4);
    String d = "M" + xy(start) + " Q" + xy(c) + " " + xy(end);
    svg.open("g", "class", arc.waits() ? "edge waits" : "edge held");
    svg.empty("path", "d", d, "marker-end", "url(#" + id + ")");
    double lx = (a[0] + b[0]) / 4 + c[0] / 2;
    double ly = (a[1] + b[1]) / 4 + c[1] / 2 + 4;
    Svg.text(svg, lx, ly, "edge-label", "middle", arc.waits() ? "waits for" : "held by");
    svg.close();
  }

  /** Where the line from {@code center} towards {@code toward} leaves a node's ellipse. */
  private static double[] boundary(double[] center, double[] toward, double nodeWidth) {
    double dx = toward[0] - center[0];
    double dy = toward[1] - center[1];
    double len = Math.hypot(dx, dy);
    double ux = dx / len;
    double uy = dy / len;
    double ex = nodeWidth / 2 + 3;
    double ey = NODE_H / 2.0 + 3;
    double t = 1 / Math.sqrt(ux * ux / (ex * ex) + uy * uy / (ey * ey));
    return new double[] {center[0] + ux * t, center[1] + uy * t};
  }

  private static void node(Html svg, Node node, double x, double y) {
    double w = nodeWidth(node);
    svg.open("g", "class", node.process() ? "node process" : "node object");
    svg.element("title", (node.process() ? "process " : "object ") + node.name());
    svg.empty(
        "rect",
        "x",
        Format.coord(x - w / 2),
        "y",
        Format.coord(y - NODE_H / 2.0),
        "width",
        Format.coord(w),
        "height",
        Integer.toString(NODE_H),
        "rx",
        node.process() ? "6" : Integer.toString(NODE_H / 2));
    Svg.text(svg, x, y + 4, "node-name", "middle", Format.clip(node.name(), MAX_NAME));
    svg.close();
  }

  private static double nodeWidth(Node node) {
    return Math.max(80, Format.textWidth(Format.clip(node.name(), MAX_NAME)) + 28);
  }

  private static String xy(double[] p) {
    return Format.coord(p[0]) + "," + Format.coord(p[1]);
  }
}
