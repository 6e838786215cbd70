package org.limber.catalog.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.catalog.domain.Exercise;
import org.limber.catalog.domain.ExerciseFilter;
import org.limber.catalog.domain.ExerciseStatus;
import org.limber.common.paging.Page;
import org.limber.catalog.domain.VariationGraph;
import org.limber.catalog.repository.ExerciseRepository;
import org.limber.common.problem.ProblemException;

/** What readers of the catalog ask: search, one exercise, and its variations. */
@ApplicationScoped
public class CatalogService {

    /** An exercise with its direct neighbours in the variation graph (published ones only). */
    public record Linked(Exercise exercise, List<Exercise> easier, List<Exercise> harder) {
    }

    private final ExerciseRepository exercises;

    public CatalogService(ExerciseRepository exercises) {
        this.exercises = exercises;
    }

    @Transactional
    public Page<Exercise> search(ExerciseFilter filter) {
        return exercises.search(filter);
    }

    /** A published or retired exercise; drafts are never visible here. */
    @Transactional
    public Linked exercise(String slug) {
        Exercise exercise = find(slug);
        Map<String, Exercise> all = all();
        VariationGraph graph = graph(all.values());
        return new Linked(exercise, published(graph.easierThan(slug), all), published(graph.harderThan(slug), all));
    }

    /** The whole easier-to-harder family the exercise belongs to, in order, published ones only. */
    @Transactional
    public List<Exercise> variations(String slug) {
        find(slug);
        Map<String, Exercise> all = all();
        Comparator<String> byLevelThenName = Comparator.<String, Integer> comparing(s -> all.get(s).level.ordinal())
                .thenComparing(s -> all.get(s).name);
        return published(graph(all.values()).chain(slug, byLevelThenName), all);
    }

    private Exercise find(String slug) {
        return exercises.findByIdOptional(slug)
                .orElseThrow(() -> ProblemException.notFound("There is no exercise " + slug + "."));
    }

    private Map<String, Exercise> all() {
        return exercises.all().stream().collect(Collectors.toMap(e -> e.slug, Function.identity()));
    }

    private static VariationGraph graph(java.util.Collection<Exercise> all) {
        return new VariationGraph(all.stream()
                .collect(Collectors.toMap(e -> e.slug, e -> new VariationGraph.Links(e.easier, e.harder))));
    }

    private static List<Exercise> published(List<String> slugs, Map<String, Exercise> all) {
        return slugs.stream().map(all::get)
                .filter(e -> e != null && e.status == ExerciseStatus.PUBLISHED)
                .toList();
    }
}
