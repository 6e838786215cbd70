package org.limber.routine.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.routine.domain.SessionReport.ExerciseReport;
import org.limber.routine.domain.SessionReport.Status;
import org.limber.routine.domain.plan.PlanProposal;

/**
 * Whether what a phone reports fits the plan and the clock: each mistake is added to {@code errors}
 * as a field problem (the caller answers 422 with all of them).
 */
public final class SessionChecks {

    private SessionChecks() {}

    /** How far ahead of the server's clock a phone's time may be, and how late a phone may sync. */
    public record Window(Duration clockSkew, Duration maxAge) {}

    /** A time a phone reports (a session done, a symptom noticed): not in the future, not older than phones may sync. */
    public static boolean recent(Instant at, String field, Instant now, Window window, List<FieldProblem> errors) {
        if (at.isAfter(now.plus(window.clockSkew()))) {
            errors.add(new FieldProblem(field, "is in the future"));
            return false;
        }
        if (at.isBefore(now.minus(window.maxAge()))) {
            errors.add(
                    new FieldProblem(field, "is older than " + window.maxAge().toDays() + " days"));
            return false;
        }
        return true;
    }

    /** A session's time: recent, and not before the plan version it was done against started. */
    public static void time(
            Instant performedAt,
            int planVersion,
            LocalDate planStart,
            Instant now,
            Window window,
            List<FieldProblem> errors) {
        if (!recent(performedAt, "performedAt", now, window, errors)) {
            return;
        }
        if (performedAt.isBefore(planStart.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            errors.add(new FieldProblem(
                    "performedAt", "is before plan version " + planVersion + " started (" + planStart + ")"));
        }
    }

    /**
     * The reported exercises against the prescribed session: each one planned (not paused) and
     * reported once, a skip reason exactly when skipped, and every planned exercise reported.
     */
    public static void exercises(
            List<ExerciseReport> reported, PlanProposal.Session prescribed, List<FieldProblem> errors) {
        Set<String> planned = new HashSet<>();
        prescribed.items().stream().filter(i -> !i.paused()).forEach(i -> planned.add(i.slug()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < reported.size(); i++) {
            ExerciseReport exercise = reported.get(i);
            String at = "exercises[" + i + "]";
            if (!planned.contains(exercise.slug())) {
                errors.add(
                        new FieldProblem(at + ".slug", exercise.slug() + " is not in session " + prescribed.number()));
            } else if (!seen.add(exercise.slug())) {
                errors.add(new FieldProblem(at + ".slug", exercise.slug() + " is reported twice"));
            }
            if (exercise.status() == Status.SKIPPED && exercise.skipReason() == null) {
                errors.add(new FieldProblem(at + ".skipReason", "say why the exercise was skipped"));
            }
            if (exercise.status() == Status.DONE && exercise.skipReason() != null) {
                errors.add(new FieldProblem(at + ".skipReason", "only a skipped exercise has a skip reason"));
            }
        }
        planned.stream()
                .filter(slug -> !seen.contains(slug))
                .sorted()
                .forEach(slug -> errors.add(
                        new FieldProblem("exercises", "says nothing of " + slug + ", which the session planned")));
    }
}
