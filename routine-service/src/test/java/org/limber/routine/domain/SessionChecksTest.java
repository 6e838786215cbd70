package org.limber.routine.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.events.catalog.Category;
import org.limber.events.member.PrescribedDose;
import org.limber.routine.domain.SessionReport.ExerciseReport;
import org.limber.routine.domain.SessionReport.SkipReason;
import org.limber.routine.domain.SessionReport.Status;
import org.limber.routine.domain.plan.PlanProposal;

import static org.assertj.core.api.Assertions.assertThat;

class SessionChecksTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final SessionChecks.Window WINDOW =
            new SessionChecks.Window(Duration.ofMinutes(5), Duration.ofDays(90));

    private final List<FieldProblem> errors = new ArrayList<>();

    @Test
    void aTimeWithinTheWindowPassesOneAheadOfTheSkewOrOlderThanTheMaxAgeDoesNot() {
        assertThat(SessionChecks.recent(NOW.plus(Duration.ofMinutes(5)), "at", NOW, WINDOW, errors))
                .isTrue();
        assertThat(SessionChecks.recent(NOW.minus(Duration.ofDays(90)), "at", NOW, WINDOW, errors))
                .isTrue();
        assertThat(errors).isEmpty();
        assertThat(SessionChecks.recent(NOW.plus(Duration.ofMinutes(6)), "at", NOW, WINDOW, errors))
                .isFalse();
        assertThat(SessionChecks.recent(NOW.minus(Duration.ofDays(91)), "at", NOW, WINDOW, errors))
                .isFalse();
        assertThat(errors)
                .containsExactly(
                        new FieldProblem("at", "is in the future"), new FieldProblem("at", "is older than 90 days"));
    }

    @Test
    void aSessionBeforeItsPlanVersionStartedIsRefused() {
        SessionChecks.time(Instant.parse("2026-03-01T23:59:59Z"), 2, LocalDate.of(2026, 3, 2), NOW, WINDOW, errors);
        assertThat(errors)
                .containsExactly(new FieldProblem("performedAt", "is before plan version 2 started (2026-03-02)"));
        errors.clear();
        SessionChecks.time(Instant.parse("2026-03-02T00:00:00Z"), 2, LocalDate.of(2026, 3, 2), NOW, WINDOW, errors);
        assertThat(errors).isEmpty();
    }

    @Test
    void aSessionInTheFutureGetsOneProblemNotTwo() {
        SessionChecks.time(NOW.plus(Duration.ofDays(1)), 1, LocalDate.of(2026, 4, 1), NOW, WINDOW, errors);
        assertThat(errors).containsExactly(new FieldProblem("performedAt", "is in the future"));
    }

    @Test
    void theReportMustNameEachPlannedExerciseOnceWithASkipReasonExactlyWhenSkipped() {
        PlanProposal.Session session = new PlanProposal.Session(
                1,
                List.of(item("cat-cow", false), item("bird-dog", false), item("dead-bug", false), item("bridge", true)),
                600);
        SessionChecks.exercises(
                List.of(
                        new ExerciseReport("cat-cow", Status.DONE, null),
                        new ExerciseReport("cat-cow", Status.DONE, null),
                        new ExerciseReport("bridge", Status.DONE, null),
                        new ExerciseReport("bird-dog", Status.SKIPPED, null),
                        new ExerciseReport("plank", Status.DONE, SkipReason.PAIN)),
                session,
                errors);
        assertThat(errors)
                .containsExactly(
                        new FieldProblem("exercises[1].slug", "cat-cow is reported twice"),
                        new FieldProblem("exercises[2].slug", "bridge is not in session 1"),
                        new FieldProblem("exercises[3].skipReason", "say why the exercise was skipped"),
                        new FieldProblem("exercises[4].slug", "plank is not in session 1"),
                        new FieldProblem("exercises[4].skipReason", "only a skipped exercise has a skip reason"),
                        new FieldProblem("exercises", "says nothing of dead-bug, which the session planned"));
    }

    @Test
    void aCompleteReportHasNoProblem() {
        PlanProposal.Session session =
                new PlanProposal.Session(2, List.of(item("cat-cow", false), item("bridge", true)), 300);
        SessionChecks.exercises(
                List.of(new ExerciseReport("cat-cow", Status.SKIPPED, SkipReason.PAIN)), session, errors);
        assertThat(errors).isEmpty();
    }

    private static PlanProposal.Item item(String slug, boolean paused) {
        return new PlanProposal.Item(
                slug,
                1,
                slug,
                Category.values()[0],
                new PrescribedDose(2, 10, null, null, 30, false),
                120,
                "why",
                paused,
                false);
    }
}
