package org.limber.progress.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberNeedsReview;
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

    static MemberNeedsReview review(UUID eventId, UUID intakeId, String... codes) {
        return new MemberNeedsReview(
                eventId,
                Instant.parse("2026-03-02T10:00:00Z"),
                1,
                "m",
                intakeId,
                true,
                java.util.Arrays.stream(codes)
                        .map(c -> new MemberNeedsReview.Reason(c, "why " + c))
                        .toList(),
                null);
    }

    /** Issue 20, item 5: the codes routine-service sets for a hold that cannot regress and an overdue clearance. */
    @Test
    void aReviewCodeNamesItsKindAndEveryOtherCodeIsAnIntakeReview() {
        UUID event = UUID.randomUUID();
        UUID intake = UUID.randomUUID();
        assertThat(UrgentAlerts.reviews(review(event, intake, "CANNOT_REGRESS")))
                .containsExactly(new NewAlert(
                        "m",
                        AlertKind.CANNOT_REGRESS,
                        "review:" + event,
                        List.of("CANNOT_REGRESS: why CANNOT_REGRESS")));
        assertThat(UrgentAlerts.reviews(review(event, intake, "CLEARANCE_OVERDUE")))
                .containsExactly(new NewAlert(
                        "m",
                        AlertKind.CLEARANCE_OVERDUE,
                        "review:" + event,
                        List.of("CLEARANCE_OVERDUE: why CLEARANCE_OVERDUE")));
        assertThat(UrgentAlerts.reviews(review(event, intake, "NO_SAFE_SESSION", "INFLAMMATORY_BACK_PAIN")))
                .containsExactly(new NewAlert(
                        "m",
                        AlertKind.NEEDS_REVIEW,
                        "intake:" + intake,
                        List.of(
                                "NO_SAFE_SESSION: why NO_SAFE_SESSION",
                                "INFLAMMATORY_BACK_PAIN: why INFLAMMATORY_BACK_PAIN")));
    }

    @Test
    void aReviewOfSeveralKindsRaisesOneAlertOfEachAndLosesNoReason() {
        UUID event = UUID.randomUUID();
        List<NewAlert> alerts =
                UrgentAlerts.reviews(review(event, UUID.randomUUID(), "NO_SAFE_SESSION", "CANNOT_REGRESS"));
        assertThat(alerts).extracting(NewAlert::kind).containsExactly(AlertKind.NEEDS_REVIEW, AlertKind.CANNOT_REGRESS);
        assertThat(alerts).flatExtracting(NewAlert::details).hasSize(2);
    }

    @Test
    void eachReviewEventIsOneOccurrenceTheSameEventAgainTheSameCause() {
        UUID intake = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        assertThat(UrgentAlerts.reviews(review(event, intake, "CANNOT_REGRESS")))
                .isEqualTo(UrgentAlerts.reviews(review(event, intake, "CANNOT_REGRESS")));
        assertThat(UrgentAlerts.reviews(review(UUID.randomUUID(), intake, "CANNOT_REGRESS"))
                        .get(0)
                        .sourceId())
                .isNotEqualTo(UrgentAlerts.reviews(review(event, intake, "CANNOT_REGRESS"))
                        .get(0)
                        .sourceId());
        // Without an event id (never sent by routine-service), the intake and the time stand in, as stable.
        assertThat(UrgentAlerts.reviews(review(null, intake, "CANNOT_REGRESS"))
                        .get(0)
                        .sourceId())
                .isEqualTo("review:" + intake + "@2026-03-02T10:00:00Z");
    }

    @Test
    void aSessionsCauseIsNamedByItsId() {
        UUID id = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");
        assertThat(UrgentAlerts.sessionCause(id)).isEqualTo("session:6f1c2d3e-0000-4000-8000-000000000001");
    }
}
