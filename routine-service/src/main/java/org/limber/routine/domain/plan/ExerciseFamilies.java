package org.limber.routine.domain.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Families of exercises: the variations linked as easier or harder of one another, each family named by its
 * easiest-named slug, and the one variation of each family a plan uses.
 */
final class ExerciseFamilies {

    private ExerciseFamilies() {}

    /** Family id of every exercise: the easiest-named slug of its connected group of variations. */
    static Map<String, String> of(List<ExerciseOption> all) {
        Map<String, String> parent = new TreeMap<>();
        all.forEach(e -> parent.put(e.slug(), e.slug()));
        for (ExerciseOption e : all) {
            for (String linked : concat(e.easier(), e.harder())) {
                if (parent.containsKey(linked)) {
                    union(parent, e.slug(), linked);
                }
            }
        }
        Map<String, String> family = new HashMap<>();
        all.forEach(e -> family.put(e.slug(), find(parent, e.slug())));
        return family;
    }

    /** Of each family, the eligible variant to use: hardest level allowed, then gentlest on the spine, then slug. */
    static Collection<ExerciseOption> representatives(List<ExerciseOption> eligible, Map<String, String> families) {
        Comparator<ExerciseOption> preference = Comparator.comparing(ExerciseOption::level)
                .reversed()
                .thenComparing(ExerciseOption::spinalLoad)
                .thenComparing(ExerciseOption::slug);
        Map<String, ExerciseOption> chosen = new TreeMap<>();
        for (ExerciseOption exercise : eligible) {
            chosen.merge(families.get(exercise.slug()), exercise, (a, b) -> preference.compare(a, b) <= 0 ? a : b);
        }
        return chosen.values();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a == null ? List.of() : a);
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }

    private static String find(Map<String, String> parent, String slug) {
        String root = slug;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            // The smaller slug becomes the root, so the result does not depend on input order.
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }
}
