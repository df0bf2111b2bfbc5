package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.report.WaitForEdge;
import dev.interleave.reports.html.WaitForGraph.Arc;
import dev.interleave.reports.html.WaitForGraph.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitForGraphTest {
  @Test
  void twoCycleAlternatesProcessesAndObjectsInCycleOrder() {
    WaitForGraph graph =
        WaitForGraph.of(
            List.of(new WaitForEdge("P1", "lock#2", "P2"), new WaitForEdge("P2", "lock#1", "P1")));

    assertEquals(
        List.of(
            new Node("P1", true),
            new Node("lock#2", false),
            new Node("P2", true),
            new Node("lock#1", false)),
        graph.nodes());
    assertEquals(
        List.of(
            new Arc(0, 1, true), new Arc(1, 2, false), new Arc(2, 3, true), new Arc(3, 0, false)),
        graph.arcs());
  }

  @Test
  void objectNamedLikeAProcessIsAnotherNode() {
    WaitForGraph graph = WaitForGraph.of(List.of(new WaitForEdge("P1", "P1", "P1")));

    assertEquals(List.of(new Node("P1", true), new Node("P1", false)), graph.nodes());
  }
}
