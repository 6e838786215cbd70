package org.limber.routine.domain.plan;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.ExerciseSnapshot;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;

/** Turns catalog snapshots into what the plan builder works with. */
public final class ExerciseOptions {

    private ExerciseOptions() {}

    /**
     * The option for a published snapshot; empty when the snapshot uses a value this service
     * does not know yet (a newer catalog), so that it is never prescribed blindly. An unknown
     * safety tag also makes it unusable: a rule might have needed it.
     */
    public static Optional<ExerciseOption> from(ExerciseSnapshot s) {
        try {
            Set<Equipment> equipment = EnumSet.noneOf(Equipment.class);
            s.equipment().forEach(e -> equipment.add(Equipment.valueOf(e)));
            Set<SafetyTag> tags = EnumSet.noneOf(SafetyTag.class);
            s.safetyTags().forEach(t -> tags.add(SafetyTag.valueOf(t)));
            ExerciseSnapshot.Dose d = s.dose();
            Dose dose = new Dose(
                    d.sets(),
                    d.reps(),
                    d.holdSeconds(),
                    d.durationSeconds(),
                    d.restSeconds(),
                    range(d.setsRange()),
                    range(d.repsRange()),
                    range(d.holdSecondsRange()),
                    range(d.durationSecondsRange()));
            return Optional.of(new ExerciseOption(
                    s.slug(),
                    s.version(),
                    s.name(),
                    Category.valueOf(s.category()),
                    Position.valueOf(s.position()),
                    equipment,
                    Level.valueOf(s.level()),
                    s.unilateral(),
                    Direction.valueOf(s.direction()),
                    SpinalLoad.valueOf(s.spinalLoad()),
                    tags,
                    dose,
                    List.copyOf(s.easier()),
                    List.copyOf(s.harder())));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Dose.Range range(ExerciseSnapshot.Range range) {
        return range == null ? null : new Dose.Range(range.min(), range.max());
    }
}
