package org.limber.routine.domain;

import java.util.List;

import org.limber.routine.domain.intake.RedFlag;

/** What a member reported about a session. */
public record SessionReport(
        List<ExerciseReport> exercises,
        int painBefore,
        int painDuring,
        int painAfter,
        Effort effort,
        String note,
        List<RedFlag> redFlagSymptoms) {

    public enum Effort {
        TOO_EASY,
        JUST_RIGHT,
        TOO_HARD
    }

    public enum Status {
        DONE,
        SKIPPED
    }

    public enum SkipReason {
        PAIN,
        TOO_HARD,
        NO_TIME,
        OTHER
    }

    public record ExerciseReport(String slug, Status status, SkipReason skipReason) {}
}
