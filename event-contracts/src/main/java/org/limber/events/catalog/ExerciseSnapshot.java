package org.limber.events.catalog;

import java.util.List;

/**
 * The full content of one published exercise version, as carried by catalog events.
 * Enumerated values travel as their upper-case names (e.g. {@code CORE_STABILITY}).
 * The variation graph is the union of the {@code easier}/{@code harder} links that all
 * published exercises declare.
 */
public record ExerciseSnapshot(
        String slug,
        int version,
        String status,
        String name,
        List<String> aliases,
        String description,
        String category,
        List<String> regions,
        List<String> muscles,
        String position,
        List<String> equipment,
        String level,
        boolean unilateral,
        Dose dose,
        List<String> steps,
        List<String> mayFeel,
        List<String> tips,
        List<String> commonMistakes,
        String direction,
        String spinalLoad,
        List<String> safetyTags,
        List<String> easier,
        List<String> harder) {

    /** A default prescription with the range that progression may move it in. */
    public record Dose(
            int sets,
            Integer reps,
            Integer holdSeconds,
            Integer durationSeconds,
            int restSeconds,
            Range setsRange,
            Range repsRange,
            Range holdSecondsRange,
            Range durationSecondsRange) {}

    public record Range(int min, int max) {}
}
