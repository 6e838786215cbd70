package org.limber.catalog.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.limber.catalog.domain.Dose.Range;
import org.limber.common.problem.Problem.FieldProblem;
import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.Region;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;

/**
 * Rules across the fields of one exercise's content that field constraints cannot express.
 * Links to other exercises are checked by {@link VariationGraph}.
 */
public final class ContentRules {

    /**
     * How the safety tags must agree with each other and with position, direction, load, equipment,
     * category, regions and level: when {@code applies} holds for an entry, {@code holds} must too, else
     * the entry is refused with {@code message}. The condition rules of routine-service filter on tags
     * (and direction, position, load), so a missing tag would let an exercise through a rule meant to
     * leave it out. Documented for editors in the exercises' README.
     */
    record TagRule(Predicate<ExerciseContent> applies, Predicate<ExerciseContent> holds, String message) {}

    private static final Set<Position> OFF_THE_FLOOR = EnumSet.of(Position.STANDING, Position.SEATED);
    private static final Set<Position> ON_THE_KNEES = EnumSet.of(Position.HANDS_AND_KNEES, Position.KNEELING);
    private static final Set<Position> LYING = EnumSet.of(Position.SUPINE, Position.SIDE_LYING, Position.PRONE);
    private static final Set<Region> BACK = EnumSet.of(Region.UPPER_BACK, Region.MID_BACK, Region.LOWER_BACK);
    private static final Set<Category> STRENGTH_OR_CORE = EnumSet.of(Category.CORE_STABILITY, Category.STRENGTHENING);
    private static final Set<SafetyTag> EXTENSION_TAGS =
            EnumSet.of(SafetyTag.SUSTAINED_EXTENSION, SafetyTag.LOADED_EXTENSION, SafetyTag.REPEATED_EXTENSION);
    private static final Set<SafetyTag> FLEXION_TAGS = EnumSet.of(SafetyTag.REPEATED_FLEXION, SafetyTag.LOADED_FLEXION);

    /**
     * What a flare-safe exercise must not carry. Unloaded arching (prone lying, a small standing
     * lean-back) is allowed: it is the extension-biased flare option, told apart from the flexion
     * ones by its direction (see the rules on FLARE_SAFE and direction below).
     */
    private static final Set<SafetyTag> NOT_GENTLE = EnumSet.of(
            SafetyTag.HIGH_EFFORT,
            SafetyTag.LIFTING,
            SafetyTag.LOADED_BENDING,
            SafetyTag.LOADED_FLEXION,
            SafetyTag.LOADED_EXTENSION,
            SafetyTag.ABDOMINAL_PRESSURE,
            SafetyTag.PRESSURE_ON_SPINE,
            SafetyTag.BALANCE_DEMAND);

    static final List<TagRule> TAG_RULES = List.of(
            new TagRule(
                    c -> !OFF_THE_FLOOR.contains(c.position()),
                    c -> has(c, SafetyTag.FLOOR_TRANSFER),
                    "a position on the floor needs FLOOR_TRANSFER"),
            new TagRule(
                    c -> ON_THE_KNEES.contains(c.position()),
                    c -> has(c, SafetyTag.WEIGHT_ON_KNEES),
                    "a position on the knees needs WEIGHT_ON_KNEES"),
            new TagRule(
                    c -> c.direction() == Direction.EXTENSION,
                    c -> hasAny(c, EXTENSION_TAGS),
                    "an EXTENSION direction needs SUSTAINED_EXTENSION, LOADED_EXTENSION or REPEATED_EXTENSION"),
            new TagRule(
                    c -> c.direction() == Direction.EXTENSION && c.spinalLoad() != SpinalLoad.LOW,
                    c -> has(c, SafetyTag.LOADED_EXTENSION),
                    "extension under moderate or high load needs LOADED_EXTENSION"),
            new TagRule(
                    c -> c.direction() == Direction.FLEXION,
                    c -> hasAny(c, FLEXION_TAGS),
                    "a FLEXION direction needs REPEATED_FLEXION or LOADED_FLEXION"),
            new TagRule(
                    c -> c.direction() == Direction.FLEXION && c.spinalLoad() != SpinalLoad.LOW,
                    c -> has(c, SafetyTag.LOADED_FLEXION),
                    "flexion under moderate or high load needs LOADED_FLEXION"),
            new TagRule(
                    c -> c.direction() == Direction.ROTATION,
                    c -> has(c, SafetyTag.TWISTING),
                    "a ROTATION direction needs TWISTING"),
            new TagRule(
                    c -> c.direction() == Direction.LATERAL,
                    c -> has(c, SafetyTag.LATERAL_BENDING),
                    "a LATERAL direction needs LATERAL_BENDING"),
            new TagRule(
                    c -> c.spinalLoad() == SpinalLoad.HIGH,
                    c -> has(c, SafetyTag.HIGH_EFFORT),
                    "a HIGH spinal load needs HIGH_EFFORT"),
            new TagRule(
                    c -> c.equipment().contains(Equipment.LIGHT_WEIGHTS),
                    c -> has(c, SafetyTag.LIFTING),
                    "light weights need LIFTING"),
            new TagRule(
                    c -> has(c, SafetyTag.LIFTING),
                    c -> has(c, SafetyTag.ABDOMINAL_PRESSURE),
                    "LIFTING needs ABDOMINAL_PRESSURE (lifting a weight raises the pressure in the belly)"),
            new TagRule(
                    c -> STRENGTH_OR_CORE.contains(c.category())
                            && (c.spinalLoad() != SpinalLoad.LOW || has(c, SafetyTag.HIGH_EFFORT)),
                    c -> has(c, SafetyTag.ABDOMINAL_PRESSURE),
                    "core stability or strengthening under moderate or high load, or with HIGH_EFFORT, needs"
                            + " ABDOMINAL_PRESSURE"),
            new TagRule(
                    c -> c.equipment().contains(Equipment.FOAM_ROLLER),
                    c -> has(c, SafetyTag.NOT_ON_SPINE) || has(c, SafetyTag.PRESSURE_ON_SPINE),
                    "a foam roller needs NOT_ON_SPINE or PRESSURE_ON_SPINE"),
            new TagRule(
                    c -> has(c, SafetyTag.NOT_ON_SPINE),
                    c -> !has(c, SafetyTag.PRESSURE_ON_SPINE),
                    "NOT_ON_SPINE and PRESSURE_ON_SPINE contradict each other"),
            new TagRule(
                    c -> rollsOnTheBack(c),
                    c -> has(c, SafetyTag.PRESSURE_ON_SPINE),
                    "rolling on the back (UPPER_BACK, MID_BACK or LOWER_BACK) presses on the spine: it needs"
                            + " PRESSURE_ON_SPINE, not NOT_ON_SPINE"),
            new TagRule(
                    c -> has(c, SafetyTag.PRESSURE_ON_SPINE),
                    c -> !c.regions().contains(Region.LOWER_BACK),
                    "PRESSURE_ON_SPINE cannot work the LOWER_BACK: no tool presses on the lower spine"),
            new TagRule(
                    c -> has(c, SafetyTag.FLARE_SAFE),
                    c -> c.spinalLoad() == SpinalLoad.LOW
                            && c.level() == Level.BEGINNER
                            && c.safetyTags().stream().noneMatch(NOT_GENTLE::contains),
                    "FLARE_SAFE needs a LOW load, the BEGINNER level and none of " + NOT_GENTLE),
            new TagRule(
                    c -> has(c, SafetyTag.FLARE_SAFE) && hasAny(c, EXTENSION_TAGS),
                    c -> c.direction() == Direction.EXTENSION && !hasAny(c, FLEXION_TAGS),
                    "a FLARE_SAFE exercise that arches the back moves in the EXTENSION direction only (no"
                            + " flexion tag), so that rules can tell the flare options apart by direction"),
            new TagRule(
                    c -> has(c, SafetyTag.FLARE_SAFE) && hasAny(c, FLEXION_TAGS),
                    c -> c.direction() == Direction.FLEXION && !hasAny(c, EXTENSION_TAGS),
                    "a FLARE_SAFE exercise that rounds the back moves in the FLEXION direction only (no"
                            + " extension tag), so that rules can tell the flare options apart by direction"),
            new TagRule(
                    c -> has(c, SafetyTag.ON_BED),
                    c -> LYING.contains(c.position()) && c.spinalLoad() == SpinalLoad.LOW,
                    "ON_BED needs a lying position (SUPINE, SIDE_LYING, PRONE) and a LOW load"));

    private ContentRules() {}

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
        content.easier().stream()
                .filter(content.harder()::contains)
                .forEach(both -> errors.add(new FieldProblem("harder", both + " is listed as both easier and harder")));
        for (TagRule rule : TAG_RULES) {
            if (rule.applies().test(content) && !rule.holds().test(content)) {
                errors.add(new FieldProblem("safetyTags", rule.message()));
            }
        }
        return errors;
    }

    private static boolean has(ExerciseContent content, SafetyTag tag) {
        return content.safetyTags().contains(tag);
    }

    private static boolean hasAny(ExerciseContent content, Set<SafetyTag> tags) {
        return content.safetyTags().stream().anyMatch(tags::contains);
    }

    /** A soft-tissue tool (or a foam roller) used on the back: it presses on the spine. */
    private static boolean rollsOnTheBack(ExerciseContent content) {
        return (content.equipment().contains(Equipment.FOAM_ROLLER)
                        || content.category() == Category.SOFT_TISSUE_RELEASE)
                && content.regions().stream().anyMatch(BACK::contains);
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
            errors.add(new FieldProblem(
                    path,
                    "the range " + range.min() + "-" + range.max() + " must contain dose." + field + " (" + value
                            + ")"));
        }
    }

    private static void noDuplicates(String field, List<?> values, List<FieldProblem> errors) {
        if (new HashSet<>(values).size() != values.size()) {
            errors.add(new FieldProblem(field, "lists a value twice"));
        }
    }
}
