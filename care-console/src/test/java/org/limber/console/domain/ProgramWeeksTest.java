package org.limber.console.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramWeeksTest {

    record W(LocalDate start, int sessions) {}

    /** Twelve weeks ending with the week of Monday 2026-11-30, with sessions in the weeks given. */
    static List<W> twelveWeeks(LocalDate... withSessions) {
        List<W> weeks = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            LocalDate start = LocalDate.parse("2026-11-30").minusWeeks(i);
            weeks.add(new W(start, List.of(withSessions).contains(start) ? 2 : 0));
        }
        return weeks;
    }

    static List<LocalDate> shown(LocalDate programStart, List<W> weeks) {
        return ProgramWeeks.fromProgramStart(programStart, weeks, W::start, w -> w.sessions() > 0).stream()
                .map(W::start)
                .toList();
    }

    @Test
    void aMemberWhoStartedThisWeekSeesThisWeekOnly() {
        // Wednesday 2026-12-02 is in the week of Monday 2026-11-30.
        assertThat(shown(LocalDate.parse("2026-12-02"), twelveWeeks())).containsExactly(LocalDate.parse("2026-11-30"));
        assertThat(shown(LocalDate.parse("2026-11-30"), twelveWeeks())).containsExactly(LocalDate.parse("2026-11-30"));
    }

    @Test
    void aMemberWhoStartedThreeWeeksAgoSeesFourWeeksAndAnOlderProgramAllTwelve() {
        assertThat(shown(LocalDate.parse("2026-11-13"), twelveWeeks()))
                .containsExactly(
                        LocalDate.parse("2026-11-09"),
                        LocalDate.parse("2026-11-16"),
                        LocalDate.parse("2026-11-23"),
                        LocalDate.parse("2026-11-30"));
        assertThat(shown(LocalDate.parse("2026-01-05"), twelveWeeks())).hasSize(12);
    }

    @Test
    void aWeekWithSessionsIsNeverHiddenAndWithoutAStartOnlySuchWeeksShow() {
        LocalDate early = LocalDate.parse("2026-11-16");
        assertThat(shown(LocalDate.parse("2026-12-02"), twelveWeeks(early)))
                .containsExactly(early, LocalDate.parse("2026-11-30"));
        assertThat(shown(null, twelveWeeks(early))).containsExactly(early);
        assertThat(shown(null, twelveWeeks())).isEmpty();
        assertThat(ProgramWeeks.fromProgramStart(null, null, W::start, w -> true))
                .isEmpty();
    }
}
