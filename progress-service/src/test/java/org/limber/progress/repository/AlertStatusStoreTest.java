package org.limber.progress.repository;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.progress.domain.Alert;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.domain.NewAlert;
import org.limber.progress.domain.RaisedAlert;
import org.limber.progress.service.AlertRaiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.limber.progress.MemberEventFixtures.assigned;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.newMember;

/**
 * The clinician's update of an alert checks who may act in its own statement: an alert whose member moved to
 * another panel, or that is not in triage, is left alone even when the caller's check before passed.
 */
@QuarkusTest
class AlertStatusStoreTest {

    @Inject
    AlertStatusStore statuses;

    @Inject
    AlertReader alerts;

    @Inject
    AlertRaiser raiser;

    @Inject
    ProgressWriter profiles;

    private UUID raise(String memberId, AlertKind kind) {
        List<RaisedAlert> raised = QuarkusTransaction.requiringNew()
                .call(() -> raiser.raise(List.of(new NewAlert(memberId, kind, "test:" + UUID.randomUUID()))));
        assertThat(raised).hasSize(1);
        return raised.get(0).id();
    }

    private void assign(String memberId, String clinicianId, long sequence) {
        QuarkusTransaction.requiringNew()
                .run(() -> profiles.applyAssignments(List.of(assigned(memberId, clinicianId, sequence))));
    }

    private String status(UUID alertId) {
        return alerts.alert(alertId).map(Alert::status).orElseThrow();
    }

    @Test
    void anAlertThatMovedToAnotherPanelIsNotActedOnByTheClinicianBefore() {
        String member = newMember();
        assign(member, "clin-before", 1);
        UUID alert = raise(member, AlertKind.HIGH_PAIN);
        // The member moves to another clinician after the caller's check: the update leaves the alert alone.
        assign(member, "clin-after", 2);

        assertThat(statuses.acknowledge(alert, "clin-before", "seen")).isEmpty();
        assertThat(statuses.resolve(alert, "clin-before", "done")).isEmpty();
        assertThat(status(alert)).isEqualTo("OPEN");

        assertThat(statuses.acknowledge(alert, "clin-after", "seen")).isPresent();
        assertThat(status(alert)).isEqualTo("ACKNOWLEDGED");
        assertThat(statuses.resolve(alert, "clin-after", "done")).isPresent();
        assertThat(status(alert)).isEqualTo("RESOLVED");
    }

    @Test
    void anyClinicianActsOnAnAlertInTriageButNotOnANudgeOfAMemberWithNoClinician() {
        String member = newMember();
        UUID high = raise(member, AlertKind.HIGH_PAIN);
        UUID normal = raise(member, AlertKind.LOW_ADHERENCE);

        assertThat(statuses.acknowledge(normal, "clin-on-call", "seen")).isEmpty();
        assertThat(statuses.resolve(normal, "clin-on-call", "done")).isEmpty();
        assertThat(status(normal)).isEqualTo("OPEN");

        assertThat(statuses.acknowledge(high, "clin-on-call", "seen")).isPresent();
        assertThat(alerts.alert(high).orElseThrow().acknowledgedBy()).isEqualTo("clin-on-call");
    }

    @Test
    void anAlertOfAnotherPanelIsNotActedOnWhateverItsSeverity() {
        String member = newMember();
        assign(member, "clin-a", 1);
        UUID high = raise(member, AlertKind.HIGH_PAIN);

        assertThat(statuses.acknowledge(high, "clin-b", "seen")).isEmpty();
        assertThat(status(high)).isEqualTo("OPEN");
    }

    @Test
    void theApiRefusesANudgeOfAMemberWithNoClinicianToAnyClinicianAndStillLetsThemActOnTriage() {
        String member = newMember();
        UUID normal = raise(member, AlertKind.INACTIVE);
        UUID high = raise(member, AlertKind.HIGH_PAIN);

        for (String action : List.of("acknowledge", "resolve")) {
            clinician("clin-on-call")
                    .body(Map.of("note", "seen"))
                    .post("/care-team/alerts/" + normal + "/" + action)
                    .then()
                    .statusCode(403);
        }
        assertThat(status(normal)).isEqualTo("OPEN");
        clinician("clin-on-call")
                .body(Map.of("note", "seen"))
                .post("/care-team/alerts/" + high + "/acknowledge")
                .then()
                .statusCode(200);
        assertThat(status(high)).isEqualTo("ACKNOWLEDGED");
    }
}
