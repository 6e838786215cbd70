package org.limber.catalog.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.limber.common.paging.Page;
import org.limber.events.catalog.Equipment;

/**
 * The public catalog at one moment, held in memory: every published or retired exercise, the
 * variation graph, and what the database's search needs (each published exercise's full-text
 * lexemes and the published exercises in each sort order, as PostgreSQL collates them). It
 * answers the same as the SQL search did: a filter's {@code q} matches an exercise when all
 * the query's lexemes are among the exercise's (PostgreSQL's {@code plainto_tsquery}) or when
 * its lower-cased text contains {@code q}. Immutable: a change builds a new index.
 */
public final class CatalogIndex {

    /** An exercise with its direct neighbours in the variation graph (published ones only). */
    public record Linked(Exercise exercise, List<Exercise> easier, List<Exercise> harder) {}

    private final String marker;
    private final Map<String, Exercise> all;
    private final Map<String, Set<String>> lexemes;
    private final Map<ExerciseFilter.Sort, List<Exercise>> published;
    private final VariationGraph graph;

    /**
     * @param marker what the database said the catalog's version was when this was read
     * @param exercises every exercise, published or retired
     * @param lexemes the full-text lexemes of each published exercise's search text
     * @param orders for each sort, the published exercises' slugs in that order
     */
    public CatalogIndex(
            String marker,
            Collection<Exercise> exercises,
            Map<String, ? extends Collection<String>> lexemes,
            Map<ExerciseFilter.Sort, List<String>> orders) {
        this.marker = marker;
        this.all = exercises.stream().collect(Collectors.toUnmodifiableMap(e -> e.slug, Function.identity()));
        this.lexemes = lexemes.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        Map<ExerciseFilter.Sort, List<Exercise>> sorted = new EnumMap<>(ExerciseFilter.Sort.class);
        for (ExerciseFilter.Sort sort : ExerciseFilter.Sort.values()) {
            List<String> order = orders.get(sort);
            if (order == null) {
                throw new IllegalArgumentException("no order for " + sort);
            }
            sorted.put(
                    sort,
                    order.stream()
                            .map(all::get)
                            .filter(e -> e != null && e.status == ExerciseStatus.PUBLISHED)
                            .toList());
        }
        this.published = Collections.unmodifiableMap(sorted);
        this.graph = new VariationGraph(all.values().stream()
                .collect(Collectors.toMap(e -> e.slug, e -> new VariationGraph.Links(e.easier, e.harder))));
    }

    public String marker() {
        return marker;
    }

    /**
     * Published exercises matching the filter, one page, in the filter's order.
     *
     * @param queryLexemes the lexemes of the filter's {@code q} (ignored when it has none)
     */
    public Page<Exercise> search(ExerciseFilter filter, Set<String> queryLexemes) {
        List<Exercise> matching = new ArrayList<>();
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q();
        String qLower = q == null ? null : q.toLowerCase();
        Set<String> available = null;
        if (filter.equipment() != null && !filter.equipment().isEmpty()) {
            available =
                    new HashSet<>(filter.equipment().stream().map(Enum::name).toList());
            available.add(Equipment.NONE.name());
        }
        Set<String> excluded = filter.excludeTags() == null
                ? Set.of()
                : filter.excludeTags().stream().map(Enum::name).collect(Collectors.toSet());
        for (Exercise e : published.get(filter.sort())) {
            if ((q == null || matchesText(e, qLower, queryLexemes))
                    && (filter.category() == null || filter.category() == e.category)
                    && (filter.position() == null || filter.position() == e.position)
                    && (filter.level() == null || filter.level() == e.level)
                    && (filter.direction() == null || filter.direction() == e.direction)
                    && (filter.region() == null
                            || e.regions.contains(filter.region().name()))
                    && (available == null || available.containsAll(e.equipment))
                    && Collections.disjoint(e.safetyTags, excluded)) {
                matching.add(e);
            }
        }
        long from = (long) filter.page() * filter.size();
        List<Exercise> items = from >= matching.size()
                ? List.of()
                : matching.subList((int) from, (int) Math.min(matching.size(), from + filter.size()));
        return new Page<>(List.copyOf(items), filter.page(), filter.size(), matching.size());
    }

    private boolean matchesText(Exercise e, String qLower, Set<String> queryLexemes) {
        // An empty tsquery (only stop words) matches nothing in PostgreSQL; the substring still may.
        boolean words = queryLexemes != null
                && !queryLexemes.isEmpty()
                && lexemes.getOrDefault(e.slug, Set.of()).containsAll(queryLexemes);
        return words || e.searchText.contains(qLower);
    }

    /** A published or retired exercise. */
    public Optional<Exercise> find(String slug) {
        return Optional.ofNullable(all.get(slug));
    }

    /** An exercise with its direct published easier and harder variations. */
    public Optional<Linked> linked(String slug) {
        return find(slug).map(e -> new Linked(e, published(graph.easierThan(slug)), published(graph.harderThan(slug))));
    }

    /** The whole easier-to-harder family the exercise belongs to, in order, published ones only. */
    public Optional<List<Exercise>> variations(String slug) {
        Comparator<String> byLevelThenName = Comparator.<String, Integer>comparing(
                        s -> all.get(s).level.ordinal())
                .thenComparing(s -> all.get(s).name);
        return find(slug).map(e -> published(graph.chain(slug, byLevelThenName)));
    }

    private List<Exercise> published(List<String> slugs) {
        return slugs.stream()
                .map(all::get)
                .filter(e -> e != null && e.status == ExerciseStatus.PUBLISHED)
                .toList();
    }
}
