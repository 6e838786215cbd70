package org.limber.progress.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberReferred;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SymptomsReported;

import static org.assertj.core.api.Assertions.assertThat;

class UrgentAlertsTest {

    static PlanSuspended suspension(String cause, UUID source) {
        return new PlanSuspended(UUID.randomUUID(), Instant.now(), 1, "m", 1, 1, cause, List.of("FEVER"), source);
    }

    @Test
    void aSuspensionRaisesTheSameAlertAsItsCauseSoWhicheverComesFirstRaisesIt() {
        UUID id = UUID.randomUUID();
        SymptomsReported report = new SymptomsReported(
                UUID.randomUUID(), Instant.now(), 1, "m", id, Instant.now(), List.of("FEVER"), null);
        assertThat(UrgentAlerts.suspension(suspension("SYMPTOM_REPORT", id))).isEqualTo(UrgentAlerts.report(report));
        MemberReferred referral =
                new MemberReferred(UUID.randomUUID(), Instant.now(), 1, "m", id, List.of("FEVER"), List.of("x"), null);
        assertThat(UrgentAlerts.suspension(suspension("INTAKE", id))).isEqualTo(UrgentAlerts.referral(referral));
        assertThat(UrgentAlerts.suspension(suspension("SESSION", id)))
                .isEqualTo(
                        new NewAlert("m", AlertKind.RED_FLAG_SYMPTOM, UrgentAlerts.sessionCause(id), List.of("FEVER")));
    }

    @Test
    void aSuspensionOfAnUnknownCauseStillRaisesAnUrgentAlert() {
        NewAlert alert = UrgentAlerts.suspension(suspension("SOMETHING_NEW", UUID.randomUUID()));
        assertThat(alert.kind()).isEqualTo(AlertKind.RED_FLAG_SYMPTOM);
        assertThat(alert.details()).containsExactly("FEVER");
    }
}
