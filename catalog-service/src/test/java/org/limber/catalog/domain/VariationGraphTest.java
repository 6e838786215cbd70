package org.limber.catalog.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VariationGraphTest {

    private static VariationGraph.Links links(List<String> easier, List<String> harder) {
        return new VariationGraph.Links(easier, harder);
    }

    @Test
    void linksDeclaredOnEitherSideMeanTheSame() {
        VariationGraph graph = new VariationGraph(Map.of(
                "wall", links(List.of(), List.of("incline")),
                "incline", links(List.of(), List.of()),
                "knees", links(List.of("incline"), List.of())));
        assertThat(graph.harderThan("wall")).containsExactly("incline");
        assertThat(graph.easierThan("incline")).containsExactly("wall");
        assertThat(graph.harderThan("incline")).containsExactly("knees");
        assertThat(graph.chain("knees", Comparator.naturalOrder())).containsExactly("wall", "incline", "knees");
    }

    @Test
    void chainOrdersBranchesByDepthThenTieBreak() {
        VariationGraph graph = new VariationGraph(Map.of(
                "arm", links(List.of(), List.of("full")),
                "leg", links(List.of(), List.of("full")),
                "full", links(List.of(), List.of("pallof")),
                "pallof", links(List.of(), List.of()),
                "walking", links(List.of(), List.of())));
        assertThat(graph.chain("pallof", Comparator.reverseOrder())).containsExactly("leg", "arm", "full", "pallof");
        assertThat(graph.chain("walking", Comparator.naturalOrder())).containsExactly("walking");
    }

    @Test
    void aLongerPathPlacesAnExerciseLater() {
        // a -> b -> c and a -> c: c comes after b although a links to it directly.
        VariationGraph graph = new VariationGraph(Map.of(
                "a", links(List.of(), List.of("b", "c")),
                "b", links(List.of(), List.of("c")),
                "c", links(List.of(), List.of())));
        assertThat(graph.chain("a", Comparator.reverseOrder())).containsExactly("a", "b", "c");
    }

    @Test
    void findsCyclesIncludingSelfLinksAndTwoSidedOnes() {
        assertThat(new VariationGraph(Map.of(
                                "a", links(List.of(), List.of("b")),
                                "b", links(List.of(), List.of("c")),
                                "c", links(List.of(), List.of("a"))))
                        .cycle())
                .contains(List.of("a", "b", "c", "a"));
        assertThat(new VariationGraph(Map.of("a", links(List.of(), List.of("a")))).cycle())
                .isPresent();
        // a says b is harder, b says a is harder.
        assertThat(new VariationGraph(Map.of(
                                "a", links(List.of(), List.of("b")),
                                "b", links(List.of(), List.of("a"))))
                        .cycle())
                .isPresent();
        assertThat(new VariationGraph(Map.of(
                                "a", links(List.of(), List.of("b", "c")),
                                "b", links(List.of(), List.of("d")),
                                "c", links(List.of(), List.of("d")),
                                "d", links(List.of(), List.of())))
                        .cycle())
                .isEmpty();
    }

    @Test
    void reportsLinksToUnknownExercises() {
        VariationGraph graph = new VariationGraph(Map.of("a", links(List.of("ghost"), List.of("b"))));
        assertThat(graph.unknown(Set.of("a", "b"))).containsExactly("ghost");
    }
}
