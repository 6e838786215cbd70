package org.limber.routine.domain.intake;

import java.util.Arrays;
import java.util.List;

/**
 * Screening: which answered-yes questions rule out a self-guided plan, and which call for a
 * clinician's review. Every question needs an explicit answer: an unanswered one is refused, never
 * taken for a "no".
 */
public final class Screening {

    private Screening() {}

    /** The red flags answered yes that refer the member, in the order they are asked. Empty means a plan may be built. */
    public static List<RedFlag> redFlags(Intake intake) {
        return answeredYes(intake, RedFlag.Kind.REFERRAL);
    }

    /** The answers that call for a clinician's review beside the plan (inflammatory back pain). */
    public static List<RedFlag> reviewFlags(Intake intake) {
        return answeredYes(intake, RedFlag.Kind.REVIEW);
    }

    /** The questions without an answer, in the order they are asked. */
    public static List<RedFlag> unanswered(Intake intake) {
        return Arrays.stream(RedFlag.values())
                .filter(flag -> intake.redFlags() == null || intake.redFlags().get(flag) == null)
                .toList();
    }

    private static List<RedFlag> answeredYes(Intake intake, RedFlag.Kind kind) {
        List<RedFlag> missing = unanswered(intake);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Unanswered screening questions: " + missing);
        }
        return Arrays.stream(RedFlag.values())
                .filter(flag -> flag.kind == kind && intake.redFlags().get(flag))
                .toList();
    }
}
