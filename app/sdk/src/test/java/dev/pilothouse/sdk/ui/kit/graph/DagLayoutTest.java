package dev.pilothouse.sdk.ui.kit.graph;

import dev.pilothouse.sdk.health.HealthState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DagLayoutTest {

    private static GraphNode node(String id) {
        return GraphNode.of(id, HealthState.OK);
    }

    private static void assertEveryForwardEdgeGoesRight(DagLayout layout) {
        DagModel m = layout.model();
        for (GraphEdge e : m.edges()) {
            if (!m.backEdges().contains(e)) {
                assertThat(layout.layer(m.indexOf(e.to()))).as(e.toString())
                        .isGreaterThan(layout.layer(m.indexOf(e.from())));
                assertThat(layout.x(m.indexOf(e.to()))).isGreaterThan(layout.x(m.indexOf(e.from())));
            }
        }
    }

    private static void assertNoBoxesOverlap(DagLayout layout) {
        LayoutSpacing sp = layout.spacing();
        for (int l = 0; l < layout.layerCount(); l++) {
            int[] column = layout.column(l);
            for (int r = 1; r < column.length; r++) {
                assertThat(layout.y(column[r])).isGreaterThanOrEqualTo(layout.y(column[r - 1]) + sp.nodeHeight());
            }
        }
    }

    @Test
    void layersFollowTheLongestPath() {
        DagModel m = DagModel.of(List.of(node("a"), node("b"), node("c")),
                List.of(new GraphEdge("a", "b"), new GraphEdge("b", "c"), new GraphEdge("a", "c")));

        DagLayout layout = DagLayout.of(m);

        assertThat(layout.layer(0)).isZero();
        assertThat(layout.layer(1)).isEqualTo(1);
        assertThat(layout.layer(2)).isEqualTo(2);
        assertThat(layout.virtualNodes()).isEqualTo(1); // a -> c passes column 1
    }

    @Test
    void aSourceSitsInTheColumnBeforeItsFirstSuccessor() {
        DagModel m = DagModel.of(List.of(node("a"), node("b"), node("c"), node("late-input")),
                List.of(new GraphEdge("a", "b"), new GraphEdge("b", "c"), new GraphEdge("late-input", "c")));

        DagLayout layout = DagLayout.of(m);

        assertThat(layout.layer(3)).isEqualTo(1);
    }

    @Test
    void aWorkflowKeepsEdgesPointingRightAndBoxesApart() {
        DagLayout layout = DagLayout.of(Workflows.staged(12, 40));

        assertEveryForwardEdgeGoesRight(layout);
        assertNoBoxesOverlap(layout);
        assertThat(layout.model().size()).isEqualTo(1 + 12 * 41);
    }

    @Test
    void stagesStayCentredOnTheirJoinsInsteadOfDriftingDown() {
        DagLayout layout = DagLayout.of(Workflows.staged(12, 40));
        LayoutSpacing sp = layout.spacing();
        double tallestColumn = 40 * sp.nodeHeight() + 39 * sp.nodeGap();

        assertThat(layout.height()).isLessThan(tallestColumn * 1.3);
    }

    @Test
    void theSameModelGivesTheSameCoordinates() {
        DagLayout first = DagLayout.of(Workflows.staged(8, 30));
        DagLayout second = DagLayout.of(Workflows.staged(8, 30));

        for (int i = 0; i < first.model().size(); i++) {
            assertThat(second.x(i)).isEqualTo(first.x(i));
            assertThat(second.y(i)).isEqualTo(first.y(i));
        }
        assertThat(second.crossings()).isEqualTo(first.crossings());
    }

    @Test
    void barycentreSweepsUntangleCrossedEdges() {
        // In the order given, a1 -> b2 crosses a2 -> b1.
        DagModel crossed = DagModel.of(List.of(node("a1"), node("a2"), node("b1"), node("b2"), node("c")),
                List.of(new GraphEdge("a1", "b2"), new GraphEdge("a2", "b1"), new GraphEdge("b1", "c"),
                        new GraphEdge("b2", "c")));

        assertThat(DagLayout.of(crossed).crossings()).isZero();
    }

    @Test
    void aCycleIsLaidOutByIgnoringItsBackEdge() {
        DagModel m = DagModel.of(List.of(node("a"), node("b"), node("c")),
                List.of(new GraphEdge("a", "b"), new GraphEdge("b", "c"), new GraphEdge("c", "a")));

        DagLayout layout = DagLayout.of(m);

        assertThat(List.of(layout.layer(0), layout.layer(1), layout.layer(2))).containsExactly(0, 1, 2);
        assertThat(layout.routes()).filteredOn(EdgeRoute::back).singleElement()
                .satisfies(r -> assertThat(List.of(r.from(), r.to())).containsExactly(2, 0));
    }

    @Test
    void aFanOutOfFiveHundredIsOneColumnWithTheSourceBesideItsMiddle() {
        DagLayout layout = DagLayout.of(Workflows.fanOut(500));

        assertThat(layout.layerCount()).isEqualTo(2);
        assertThat(layout.column(1)).hasSize(500);
        assertThat(layout.crossings()).isZero();
        assertNoBoxesOverlap(layout);
        double rootCentre = layout.y(0) + layout.spacing().nodeHeight() / 2;
        assertThat(rootCentre).isBetween(layout.height() * 0.4, layout.height() * 0.6);
    }

    @Test
    void aChainOfFiveHundredWithALongSkipEdgeRoutesThroughEveryColumn() {
        List<GraphNode> nodes = new java.util.ArrayList<>();
        List<GraphEdge> edges = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            nodes.add(node("n" + i));
            if (i > 0) {
                edges.add(new GraphEdge("n" + (i - 1), "n" + i));
            }
        }
        edges.add(new GraphEdge("n0", "n499"));

        DagLayout layout = DagLayout.of(DagModel.of(nodes, edges));

        assertThat(layout.layerCount()).isEqualTo(500);
        EdgeRoute skip = layout.routes().stream().filter(r -> r.from() == 0 && r.to() == 499).findFirst()
                .orElseThrow();
        assertThat(skip.points()).isEqualTo(500);
    }

    @Test
    void anEmptyModelHasAnEmptyLayout() {
        DagLayout layout = DagLayout.of(DagModel.empty());

        assertThat(layout.layerCount()).isZero();
        assertThat(layout.width()).isZero();
        assertThat(layout.routes()).isEmpty();
    }

    @Test
    void keyboardMovesFollowEdgesAndColumns() {
        DagModel m = DagModel.of(List.of(node("a"), node("b"), node("c"), node("d")),
                List.of(new GraphEdge("a", "b"), new GraphEdge("a", "c"), new GraphEdge("b", "d"),
                        new GraphEdge("c", "d")));
        DagLayout layout = DagLayout.of(m);
        int a = 0;
        int d = 3;

        int right = DagNavigation.step(layout, a, DagNavigation.Move.RIGHT);
        int below = DagNavigation.step(layout, layout.column(1)[0], DagNavigation.Move.DOWN);

        assertThat(right).isIn(1, 2);
        assertThat(DagNavigation.step(layout, right, DagNavigation.Move.RIGHT)).isEqualTo(d);
        assertThat(DagNavigation.step(layout, right, DagNavigation.Move.LEFT)).isEqualTo(a);
        assertThat(below).isEqualTo(layout.column(1)[1]);
        assertThat(DagNavigation.step(layout, d, DagNavigation.Move.RIGHT)).isEqualTo(d);
        assertThat(DagNavigation.step(layout, -1, DagNavigation.Move.RIGHT)).isEqualTo(a);
    }
}
