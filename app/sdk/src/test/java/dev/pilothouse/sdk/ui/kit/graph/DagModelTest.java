package dev.pilothouse.sdk.ui.kit.graph;

import dev.pilothouse.sdk.health.HealthState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DagModelTest {

    private static GraphNode node(String id) {
        return GraphNode.of(id, HealthState.OK);
    }

    @Test
    void anEdgeToAnUnknownNodeIsAnErrorNamingTheId() {
        assertThatThrownBy(() -> DagModel.of(List.of(node("a")), List.of(new GraphEdge("a", "ghost"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ghost'");
    }

    @Test
    void twoNodesWithOneIdAreAnErrorNamingTheId() {
        assertThatThrownBy(() -> DagModel.of(List.of(node("a"), node("a")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
    }

    @Test
    void anAcyclicGraphHasNoBackEdges() {
        DagModel m = DagModel.of(List.of(node("a"), node("b"), node("c")),
                List.of(new GraphEdge("a", "b"), new GraphEdge("a", "c"), new GraphEdge("b", "c")));

        assertThat(m.hasCycles()).isFalse();
        assertThat(m.backEdges()).isEmpty();
    }

    @Test
    void aLoopIsReportedByTheEdgeThatClosesIt() {
        DagModel m = DagModel.of(List.of(node("a"), node("b"), node("c")),
                List.of(new GraphEdge("a", "b"), new GraphEdge("b", "c"), new GraphEdge("c", "a")));

        assertThat(m.hasCycles()).isTrue();
        assertThat(m.backEdges()).containsExactly(new GraphEdge("c", "a"));
    }

    @Test
    void aSelfLoopIsACycle() {
        DagModel m = DagModel.of(List.of(node("retry")), List.of(new GraphEdge("retry", "retry")));

        assertThat(m.backEdges()).containsExactly(new GraphEdge("retry", "retry"));
    }

    @Test
    void duplicateEdgesCountOnce() {
        DagModel m = DagModel.of(List.of(node("a"), node("b")),
                List.of(new GraphEdge("a", "b"), new GraphEdge("a", "b")));

        assertThat(m.edges()).containsExactly(new GraphEdge("a", "b"));
    }

    @Test
    void missingLabelDetailAndStateGetDefaults() {
        GraphNode n = new GraphNode("step", null, null, null);

        assertThat(n.label()).isEqualTo("step");
        assertThat(n.detail()).isEmpty();
        assertThat(n.state()).isEqualTo(HealthState.UNKNOWN);
    }
}
