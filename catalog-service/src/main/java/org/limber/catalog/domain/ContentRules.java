package org.limber.catalog.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.limber.catalog.domain.Dose.Range;
import org.limber.common.problem.Problem.FieldProblem;
import org.limber.events.catalog.Equipment;

/**
 * Rules across the fields of one exercise's content that field constraints cannot express.
 * Links to other exercises are checked by {@link VariationGraph}.
 */
public final class ContentRules {

    private ContentRules() {
    }

    public static List<FieldProblem> check(String slug, ExerciseContent content) {
        List<FieldProblem> errors = new ArrayList<>();
        checkDose(content.dose(), errors);
        if (content.equipment().contains(Equipment.NONE) && content.equipment().size() > 1) {
            errors.add(new FieldProblem("equipment", "NONE cannot be listed together with other equipment"));
        }
        noDuplicates("regions", content.regions(), errors);
        noDuplicates("equipment", content.equipment(), errors);
        noDuplicates("safetyTags", content.safetyTags(), errors);
        noDuplicates("easier", content.easier(), errors);
        noDuplicates("harder", content.harder(), errors);
        if (content.easier().contains(slug)) {
            errors.add(new FieldProblem("easier", "an exercise cannot be its own variation"));
        }
        if (content.harder().contains(slug)) {
            errors.add(new FieldProblem("harder", "an exercise cannot be its own variation"));
        }
        content.easier().stream().filter(content.harder()::contains).forEach(both -> errors
                .add(new FieldProblem("harder", both + " is listed as both easier and harder")));
        return errors;
    }

    private static void checkDose(Dose dose, List<FieldProblem> errors) {
        if ((dose.reps() == null) == (dose.durationSeconds() == null)) {
            errors.add(new FieldProblem("dose", "give either reps or durationSeconds, not both and not neither"));
        }
        if (dose.holdSeconds() != null && dose.reps() == null) {
            errors.add(new FieldProblem("dose.holdSeconds", "a hold is per repetition, so it needs reps"));
        }
        Dose.DoseRange range = dose.range();
        if (range == null) {
            return;
        }
        checkRange("sets", dose.sets(), range.sets(), errors);
        checkRange("reps", dose.reps(), range.reps(), errors);
        checkRange("holdSeconds", dose.holdSeconds(), range.holdSeconds(), errors);
        checkRange("durationSeconds", dose.durationSeconds(), range.durationSeconds(), errors);
    }

    private static void checkRange(String field, Integer value, Range range, List<FieldProblem> errors) {
        String path = "dose.range." + field;
        if (value == null) {
            if (range != null) {
                errors.add(new FieldProblem(path, "a range needs a value in dose." + field));
            }
            return;
        }
        if (range == null) {
            errors.add(new FieldProblem(path, "dose." + field + " needs a range to progress within"));
        } else if (range.min() > range.max()) {
            errors.add(new FieldProblem(path, "min must not be above max"));
        } else if (!range.contains(value)) {
            errors.add(new FieldProblem(path, "the range " + range.min() + "-" + range.max() + " must contain dose." + field + " (" + value + ")"));
        }
    }

    private static void noDuplicates(String field, List<?> values, List<FieldProblem> errors) {
        if (new HashSet<>(values).size() != values.size()) {
            errors.add(new FieldProblem(field, "lists a value twice"));
        }
    }
}
