package org.limber.routine.domain.adapt;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Since when progression after spine surgery has awaited a clinician's clearance. */
class ClearanceWaitTest {

    static final Instant JAN = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant FEB = Instant.parse("2026-02-02T09:00:00Z");
    static final Instant MAR = Instant.parse("2026-03-02T09:00:00Z");

    static ClearanceWait.PlanIntake surgery(Instant at) {
        return new ClearanceWait.PlanIntake(at, true);
    }

    static ClearanceWait.PlanIntake none(Instant at) {
        return new ClearanceWait.PlanIntake(at, false);
    }

    @Test
    void sinceTheFirstIntakeOfTheLatestRunReportingSurgery() {
        assertThat(ClearanceWait.since(List.of(surgery(MAR), surgery(FEB), none(JAN)), false, null))
                .as("a repeat intake does not start the wait again")
                .isEqualTo(FEB);
        assertThat(ClearanceWait.since(List.of(surgery(MAR), none(FEB), surgery(JAN)), false, null))
                .isEqualTo(MAR);
    }

    @Test
    void noWaitWithoutSurgeryInThePlanInForceOrOnceCleared() {
        assertThat(ClearanceWait.since(List.of(none(MAR), surgery(FEB)), false, null))
                .isNull();
        assertThat(ClearanceWait.since(List.of(surgery(MAR)), true, null)).isNull();
        assertThat(ClearanceWait.since(List.of(), false, null)).isNull();
    }

    @Test
    void aWithdrawnClearanceStartsANewWait() {
        Instant withdrawn = Instant.parse("2026-03-10T12:00:00Z");
        assertThat(ClearanceWait.since(List.of(surgery(FEB)), false, withdrawn)).isEqualTo(withdrawn);
        assertThat(ClearanceWait.since(List.of(surgery(MAR)), false, FEB))
                .as("withdrawn before the latest run began")
                .isEqualTo(MAR);
    }
}
