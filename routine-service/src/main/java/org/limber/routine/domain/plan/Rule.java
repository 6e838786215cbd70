package org.limber.routine.domain.plan;

import java.time.LocalDate;
import java.util.Set;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;
import org.limber.routine.domain.intake.Condition;
import org.limber.routine.domain.intake.DirectionalPreference;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.PainDuration;
import org.limber.routine.domain.intake.Restriction;

/**
 * One condition or flare rule, as clinicians write them in {@code rules/condition-rules.yaml}:
 * when it applies, which exercises it leaves out (or the only ones it allows), and why.
 */
public record Rule(String id, When when, Exclude exclude, Only only, String reason) {

    /** All the given criteria must hold; a list holds when any of its values does. */
    public record When(
            Set<Condition> conditions,
            Set<PainDuration> durations,
            Set<Restriction> cannotGetInto,
            Integer painAtLeast,
            Integer surgeryWithinMonths,
            Set<DirectionalPreference> preference) {

        /** Criteria without a directional preference. */
        public When(
                Set<Condition> conditions,
                Set<PainDuration> durations,
                Set<Restriction> cannotGetInto,
                Integer painAtLeast,
                Integer surgeryWithinMonths) {
            this(conditions, durations, cannotGetInto, painAtLeast, surgeryWithinMonths, null);
        }
    }

    /**
     * What the rule leaves out: an exercise matching any of the lists, unless it carries one of
     * {@code exceptTags} (for example the floor rule keeps what can be done on a bed).
     */
    public record Exclude(
            Set<SafetyTag> tags,
            Set<Direction> directions,
            Set<Category> categories,
            Set<String> slugs,
            Set<Position> positions,
            Set<SpinalLoad> spinalLoads,
            Set<SafetyTag> exceptTags) {

        public Exclude(Set<SafetyTag> tags, Set<Direction> directions, Set<Category> categories, Set<String> slugs) {
            this(tags, directions, categories, slugs, null, null, null);
        }
    }

    /** Only exercises carrying one of these tags remain. */
    public record Only(Set<SafetyTag> tags) {}

    public boolean appliesTo(Intake intake, LocalDate today) {
        return appliesTo(intake, today, null);
    }

    /**
     * Whether the rule applies. {@code inFlare} is the member's flare state once a plan exists (the
     * plan's own flag): then a {@code painAtLeast} rule applies exactly during a flare, whatever
     * pain the intake reported. Null at intake, where the pain reported now decides.
     */
    public boolean appliesTo(Intake intake, LocalDate today, Boolean inFlare) {
        if (when == null) {
            return true;
        }
        if (notEmpty(when.conditions()) && when.conditions().stream().noneMatch(intake.conditions()::contains)) {
            return false;
        }
        if (notEmpty(when.durations()) && !when.durations().contains(intake.duration())) {
            return false;
        }
        if (notEmpty(when.cannotGetInto())
                && when.cannotGetInto().stream().noneMatch(intake.cannotGetInto()::contains)) {
            return false;
        }
        if (notEmpty(when.preference()) && !when.preference().contains(intake.preferenceOrNeither())) {
            return false;
        }
        if (when.painAtLeast() != null && (inFlare != null ? !inFlare : intake.painNow() < when.painAtLeast())) {
            return false;
        }
        if (when.surgeryWithinMonths() != null) {
            LocalDate surgery = intake.surgeryDate();
            if (surgery == null
                    || surgery.plusMonths(when.surgeryWithinMonths()).isBefore(today)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this rule (assumed to apply) leaves the exercise out. */
    public boolean excludes(ExerciseOption exercise) {
        if (only != null && notEmpty(only.tags()) && only.tags().stream().noneMatch(exercise.safetyTags()::contains)) {
            return true;
        }
        if (exclude == null) {
            return false;
        }
        if (notEmpty(exclude.exceptTags()) && exclude.exceptTags().stream().anyMatch(exercise.safetyTags()::contains)) {
            return false;
        }
        return (notEmpty(exclude.tags()) && exclude.tags().stream().anyMatch(exercise.safetyTags()::contains))
                || (notEmpty(exclude.directions()) && exclude.directions().contains(exercise.direction()))
                || (notEmpty(exclude.categories()) && exclude.categories().contains(exercise.category()))
                || (notEmpty(exclude.slugs()) && exclude.slugs().contains(exercise.slug()))
                || (notEmpty(exclude.positions()) && exclude.positions().contains(exercise.position()))
                || (notEmpty(exclude.spinalLoads()) && exclude.spinalLoads().contains(exercise.spinalLoad()));
    }

    private static boolean notEmpty(Set<?> values) {
        return values != null && !values.isEmpty();
    }
}
