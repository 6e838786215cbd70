package org.limber.routine.domain.intake;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;

/**
 * A member's answers at intake, already checked for completeness and ranges.
 *
 * @param painNow      0-10
 * @param painTypical  0-10, the baseline of the member's trends
 * @param surgeryDate  the date of spine surgery, or null if none
 * @param redFlags     an answer to every red-flag question
 * @param preference   which movement eases the pain (NEITHER when not answered)
 */
public record Intake(
        Set<Condition> conditions,
        int painNow,
        int painTypical,
        PainDuration duration,
        LocalDate surgeryDate,
        Map<RedFlag, Boolean> redFlags,
        Set<Goal> goals,
        Set<Equipment> equipment,
        Set<Restriction> cannotGetInto,
        int minutesPerSession,
        int sessionsPerWeek,
        Level experience,
        DirectionalPreference preference) {

    /** Answers without a directional preference (NEITHER). */
    public Intake(
            Set<Condition> conditions,
            int painNow,
            int painTypical,
            PainDuration duration,
            LocalDate surgeryDate,
            Map<RedFlag, Boolean> redFlags,
            Set<Goal> goals,
            Set<Equipment> equipment,
            Set<Restriction> cannotGetInto,
            int minutesPerSession,
            int sessionsPerWeek,
            Level experience) {
        this(
                conditions,
                painNow,
                painTypical,
                duration,
                surgeryDate,
                redFlags,
                goals,
                equipment,
                cannotGetInto,
                minutesPerSession,
                sessionsPerWeek,
                experience,
                DirectionalPreference.NEITHER);
    }

    /** The preference, NEITHER for answers stored before the question was asked. */
    public DirectionalPreference preferenceOrNeither() {
        return preference == null ? DirectionalPreference.NEITHER : preference;
    }

    /** These answers as they stand on {@code day}, given on {@code answered}: the pain's duration aged (see PainDuration.on). */
    public Intake on(LocalDate answered, LocalDate day) {
        PainDuration aged = duration == null ? null : duration.on(answered, day);
        return aged == duration
                ? this
                : new Intake(
                        conditions,
                        painNow,
                        painTypical,
                        aged,
                        surgeryDate,
                        redFlags,
                        goals,
                        equipment,
                        cannotGetInto,
                        minutesPerSession,
                        sessionsPerWeek,
                        experience,
                        preference);
    }
}
