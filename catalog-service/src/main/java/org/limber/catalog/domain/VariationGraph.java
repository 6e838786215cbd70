package org.limber.catalog.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The easier-to-harder graph of exercises: the union of the links every exercise declares
 * (A listing B as harder means the same as B listing A as easier).
 */
public final class VariationGraph {

    /** The links one exercise declares. */
    public record Links(List<String> easier, List<String> harder) {}

    private final Map<String, Set<String>> harder = new TreeMap<>();
    private final Map<String, Set<String>> easier = new TreeMap<>();

    public VariationGraph(Map<String, Links> declared) {
        declared.keySet().forEach(this::node);
        declared.forEach((slug, links) -> {
            links.harder().forEach(h -> edge(slug, h));
            links.easier().forEach(e -> edge(e, slug));
        });
    }

    private void node(String slug) {
        harder.computeIfAbsent(slug, s -> new TreeSet<>());
        easier.computeIfAbsent(slug, s -> new TreeSet<>());
    }

    private void edge(String from, String to) {
        node(from);
        node(to);
        harder.get(from).add(to);
        easier.get(to).add(from);
    }

    public List<String> harderThan(String slug) {
        return List.copyOf(harder.getOrDefault(slug, Set.of()));
    }

    public List<String> easierThan(String slug) {
        return List.copyOf(easier.getOrDefault(slug, Set.of()));
    }

    /** Slugs that links point to but that are not among {@code known}. */
    public List<String> unknown(Set<String> known) {
        return harder.keySet().stream().filter(slug -> !known.contains(slug)).toList();
    }

    /** A cycle of links (its slugs, first repeated at the end), if there is one. */
    public Optional<List<String>> cycle() {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (String start : harder.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            Optional<List<String>> found = visit(start, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String slug, Map<String, Integer> state, Deque<String> path) {
        Integer seen = state.get(slug);
        if (seen != null && seen == 2) {
            return Optional.empty();
        }
        path.addLast(slug);
        if (seen != null) {
            List<String> all = new ArrayList<>(path);
            return Optional.of(all.subList(all.indexOf(slug), all.size()));
        }
        state.put(slug, 1);
        for (String next : harder.get(slug)) {
            Optional<List<String>> found = visit(next, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        state.put(slug, 2);
        path.removeLast();
        return Optional.empty();
    }

    /**
     * Every exercise linked to {@code slug} directly or through others, itself included,
     * ordered from easiest to hardest: by the longest chain of easier variations below each,
     * then by {@code tieBreak}. Assumes the graph has no cycle.
     */
    public List<String> chain(String slug, Comparator<String> tieBreak) {
        Set<String> component = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(slug));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (component.add(next)) {
                todo.addAll(harder.getOrDefault(next, Set.of()));
                todo.addAll(easier.getOrDefault(next, Set.of()));
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        component.forEach(s -> depth(s, depth));
        return component.stream()
                .sorted(Comparator.<String>comparingInt(depth::get).thenComparing(tieBreak))
                .toList();
    }

    private int depth(String slug, Map<String, Integer> memo) {
        Integer known = memo.get(slug);
        if (known != null) {
            return known;
        }
        int d = easier.getOrDefault(slug, Set.of()).stream()
                .mapToInt(e -> depth(e, memo) + 1)
                .max()
                .orElse(0);
        memo.put(slug, d);
        return d;
    }
}
