package dev.interleave.reports.html;

import dev.interleave.report.WaitForEdge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deadlock's wait-for edges as a graph of process and object nodes, in the order the edges name
 * them: process, waits for object, held by process.
 */
record WaitForGraph(List<Node> nodes, List<Arc> arcs) {

  /** A process or an object. */
  record Node(String name, boolean process) {}

  /** An arrow from one node to another, by index. */
  record Arc(int from, int to, boolean waits) {}

  static WaitForGraph of(List<WaitForEdge> edges) {
    Map<Node, Integer> index = new LinkedHashMap<>();
    List<Arc> arcs = new ArrayList<>();
    for (WaitForEdge edge : edges) {
      int process = indexOf(index, new Node(edge.process(), true));
      int object = indexOf(index, new Node(edge.waitsFor(), false));
      int holder = indexOf(index, new Node(edge.heldBy(), true));
      addOnce(arcs, new Arc(process, object, true));
      addOnce(arcs, new Arc(object, holder, false));
    }
    return new WaitForGraph(List.copyOf(index.keySet()), List.copyOf(arcs));
  }

  private static int indexOf(Map<Node, Integer> index, Node node) {
    return index.computeIfAbsent(node, n -> index.size());
  }

  private static void addOnce(List<Arc> arcs, Arc arc) {
    if (!arcs.contains(arc)) {
      arcs.add(arc);
    }
  }
}
