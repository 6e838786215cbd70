package org.limber.console.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The weeks a member's chart and table show: progress-service answers the last weeks asked for (Monday to Sunday),
 * empty ones included, so a member who started today would show eleven empty weeks before their first. The
 * program's weeks start with the week of its first plan; a week before it is shown only if it has sessions.
 */
public final class ProgramWeeks {

    private ProgramWeeks() {}

    /**
     * The weeks from the program's first week on (all of them when the program start is unknown and a week has
     * sessions; none of the empty ones).
     */
    public static <W> List<W> fromProgramStart(
            LocalDate programStart, List<W> weeks, Function<W, LocalDate> weekStart, Predicate<W> hasSessions) {
        if (weeks == null) {
            return List.of();
        }
        LocalDate first =
                programStart == null ? null : programStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return weeks.stream()
                .filter(w -> hasSessions.test(w)
                        || first != null && !weekStart.apply(w).isBefore(first))
                .toList();
    }
}
