package org.limber.progress.domain.measures;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

    /** 2026-12-07 is a Monday. */
    @ParameterizedTest
    @CsvSource({
        "2026-12-07T15:00:00Z, 2026-12-09T15:00:00Z", // Monday -> Wednesday
        "2026-12-10T09:00:00Z, 2026-12-14T09:00:00Z", // Thursday -> Monday (weekend skipped)
        "2026-12-11T09:00:00Z, 2026-12-15T09:00:00Z", // Friday -> Tuesday
        "2026-12-12T09:00:00Z, 2026-12-15T09:00:00Z", // Saturday -> Tuesday (Monday is the first working day)
        "2026-12-13T23:30:00Z, 2026-12-15T23:30:00Z", // Sunday late -> Tuesday
    })
    void twoWorkingDaysSkipWeekends(String from, String due) {
        assertThat(WorkingDays.after(Instant.parse(from), 2)).isEqualTo(Instant.parse(due));
    }
}
