package org.limber.console.rest;

import java.util.List;

import org.limber.console.client.RoutineViews.CarePlan;
import org.limber.console.client.RoutineViews.Hold;
import org.limber.console.client.RoutineViews.Review;
import org.limber.console.domain.Problem;

/**
 * What a review is about, for the form: a suspended plan or a first-intake referral ({@code referral}),
 * its red flags, cause, since when, the member's message, the reviews so far; {@code problem} when
 * routine-service could not list the reviews (the form still shows, from the plan's suspension).
 */
public record ReviewBox(
        boolean referral,
        Integer planVersion,
        String cause,
        String since,
        String reason,
        List<String> redFlags,
        List<Review> reviews,
        Problem problem) {

    static ReviewBox of(Hold h) {
        return new ReviewBox(
                h.referral(),
                h.planVersion(),
                h.cause(),
                h.since() == null ? null : Formats.text(h.since()),
                h.reason(),
                h.redFlags(),
                h.reviews(),
                null);
    }

    static ReviewBox of(CarePlan p, Problem problem) {
        return new ReviewBox(
                false,
                p.version(),
                p.suspensionCause(),
                p.suspensionSince(),
                p.suspensionReason(),
                p.suspensionRedFlags(),
                List.of(),
                problem);
    }
}
