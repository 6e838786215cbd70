package org.limber.routine.domain.plan;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.SafetyTag;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.Restriction;

/**
 * Whether an exercise may be prescribed to a member, and if not, why: equipment they lack, a
 * level above their experience, or a condition or flare rule that applies to them.
 */
public final class Eligibility {

    private final Intake intake;
    private final Set<Equipment> available;
    private final List<Rule> applicable;

    public Eligibility(Intake intake, List<Rule> rules, LocalDate today) {
        this(intake, rules, today, null);
    }

    /** {@code inFlare}: the plan's flare state, which decides the flare rule once a plan exists (null at intake: the pain now decides). */
    public Eligibility(Intake intake, List<Rule> rules, LocalDate today, Boolean inFlare) {
        this.intake = intake;
        this.available = EnumSet.of(Equipment.NONE);
        this.available.addAll(intake.equipment());
        this.applicable = rules.stream()
                .filter(rule -> rule.appliesTo(intake, today, inFlare))
                .toList();
    }

    /** The rules that apply to this member, in file order. */
    public List<Rule> applicableRules() {
        return applicable;
    }

    /** Whether a rule allowing only some exercises (the flare rule) applies. */
    public boolean restrictedToOnly() {
        return applicable.stream().anyMatch(rule -> rule.only() != null);
    }

    /** Why the exercise is left out: a condition or flare rule first, then level, then equipment. */
    public Optional<String> whyExcluded(ExerciseOption exercise) {
        return whyExcluded(exercise, true);
    }

    /**
     * Why the exercise may not be stepped to as the member progresses: as {@link #whyExcluded}, but
     * the level the member started at no longer limits them (progression is how they outgrow it).
     */
    public Optional<String> whyExcludedAsProgression(ExerciseOption exercise) {
        return whyExcluded(exercise, false);
    }

    private Optional<String> whyExcluded(ExerciseOption exercise, boolean checkLevel) {
        Optional<Rule> rule = excludingRule(exercise);
        if (rule.isPresent()) {
            return Optional.of(rule.get().reason());
        }
        if (checkLevel && exercise.level().compareTo(intake.experience()) > 0) {
            return Optional.of("it is above your current level (" + phrase(intake.experience()) + ")");
        }
        // On a bed the mat is not needed.
        Set<Equipment> missing = exercise.equipment().stream()
                .filter(e -> !available.contains(e))
                .filter(e -> !(e == Equipment.MAT && onBed(exercise)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Equipment.class)));
        if (!missing.isEmpty()) {
            return Optional.of(
                    "it needs " + missing.stream().map(Eligibility::phrase).collect(Collectors.joining(" and "))
                            + ", which you do not have at hand");
        }
        return Optional.empty();
    }

    /** Whether the member is to do this exercise lying on a bed: they cannot get down to the floor and it can be done on a bed. */
    public boolean onBed(ExerciseOption exercise) {
        return intake.cannotGetInto().contains(Restriction.FLOOR)
                && exercise.safetyTags().contains(SafetyTag.ON_BED);
    }

    /** The rule that leaves the exercise out, if a condition or flare rule does. */
    public Optional<Rule> excludingRule(ExerciseOption exercise) {
        return applicable.stream().filter(rule -> rule.excludes(exercise)).findFirst();
    }

    static String phrase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
