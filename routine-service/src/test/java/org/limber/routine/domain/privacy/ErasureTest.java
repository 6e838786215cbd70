package org.limber.routine.domain.privacy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.limber.routine.domain.privacy.Erasure.Part;
import org.limber.routine.domain.privacy.Erasure.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ErasureTest {

    private static Erasure erasure(Status status, String progress, String engagement) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new Erasure(
                "m",
                status,
                at,
                "m",
                null,
                null,
                List.of(
                        new Part("routine", "DONE", at),
                        new Part("progress", progress, null),
                        new Part("engagement", engagement, null),
                        new Part("keycloak", "PENDING", null)));
    }

    @Test
    void theAccountGoesOnlyOnceProgressAndEngagementHaveReportedOnARunningRequest() {
        assertThat(erasure(Status.IN_PROGRESS, "DONE", "DONE").readyForAccount())
                .isTrue();
        assertThat(erasure(Status.IN_PROGRESS, "DONE", "PENDING").readyForAccount())
                .isFalse();
        assertThat(erasure(Status.IN_PROGRESS, "PENDING", "DONE").readyForAccount())
                .isFalse();
        assertThat(erasure(Status.HELD, "DONE", "DONE").readyForAccount()).isFalse();
        assertThat(erasure(Status.COMPLETED, "DONE", "DONE").readyForAccount()).isFalse();
    }

    @Test
    void aRequestMissingAReportingServicesPartIsNotReady() {
        Erasure partial = new Erasure(
                "m", Status.IN_PROGRESS, Instant.EPOCH, "m", null, null, List.of(new Part("progress", "DONE", null)));
        assertThat(partial.readyForAccount()).isFalse();
    }
}
