package org.limber.routine.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.validation.YearBetween;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.routine.domain.intake.Condition;
import org.limber.routine.domain.intake.DirectionalPreference;
import org.limber.routine.domain.intake.Goal;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.PainDuration;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.intake.Restriction;

/** The intake questionnaire. Every red-flag question needs an explicit true or false. */
public record IntakeRequest(
        @Schema(
                description =
                        "Client-generated id, the idempotency key (optional): a retry with the same answers answers as the first time (Idempotent-Replayed: true) and makes no second plan version; other answers under it are a 409")
        UUID intakeId,

        @NotEmpty Set<@NotNull Condition> conditions,

        @NotNull @Min(0) @Max(10) @Schema(description = "Pain now, 0-10")
        Integer painNow,

        @NotNull
        @Min(0)
        @Max(10)
        @Schema(description = "Typical pain over the last week, 0-10: the baseline of your trends")
        Integer painTypical,

        @NotNull PainDuration duration,

        @NotNull @Schema(description = "Have you had spine surgery?")
        Boolean spineSurgery,

        @YearBetween(min = 1900) @Schema(description = "Date of the spine surgery, needed when spineSurgery is true")
        LocalDate surgeryDate,

        @NotNull @Valid RedFlagAnswers redFlags,
        @NotEmpty Set<@NotNull Goal> goals,
        @NotNull Set<@NotNull Equipment> equipment,

        @NotNull @Schema(description = "Positions you cannot get into")
        Set<@NotNull Restriction> cannotGetInto,

        @NotNull @Min(5) @Max(30) Integer minutesPerSession,
        @NotNull @Min(2) @Max(7) Integer sessionsPerWeek,
        @NotNull Level experience,

        @Schema(
                description =
                        "Which eases your pain: bending forward (FLEXION), arching back (EXTENSION), or neither (NEITHER, the default): it chooses the gentle options of a flare")
        DirectionalPreference directionalPreference,

        @Schema(
                description =
                        "When the intake was taken, for imports and the demo simulator: accepted only up to "
                                + "INTAKE_MAX_BACKDATE in the past (by default 0, so not at all); the plan starts that day. Default: now")
        @YearBetween
        Instant takenAt) {

    /** One answer per screening question (see RedFlag for the wording); inflammatoryBackPain is a review flag, not a referral. */
    public record RedFlagAnswers(
            @NotNull @Schema(description = "New loss of bladder or bowel control")
            Boolean bladderOrBowelControl,

            @NotNull @Schema(description = "Numbness in the saddle area")
            Boolean saddleNumbness,

            @NotNull @Schema(description = "Leg weakness or numbness getting worse")
            Boolean worseningLegWeakness,

            @NotNull @Schema(description = "Recent major trauma, or a minor fall with osteoporosis or over 50")
            Boolean recentTrauma,

            @NotNull @Schema(description = "Ever had cancer (with newEpisode it refers; without, a clinician reviews)")
            Boolean cancerHistory,

            @NotNull @Schema(description = "This is a new episode of back pain, different from any before")
            Boolean newEpisode,

            @NotNull @Schema(description = "Osteoporosis, long-term steroid tablets, or over 70")
            Boolean boneFragility,

            @NotNull @Schema(description = "The pain came on suddenly, within minutes or hours")
            Boolean suddenOnset,

            @NotNull @Schema(description = "Fever or unexplained weight loss")
            Boolean feverOrWeightLoss,

            @NotNull @Schema(description = "Intravenous drug use or weakened immunity")
            Boolean infectionRisk,

            @NotNull @Schema(description = "Constant night pain that no position eases")
            Boolean constantNightPain,

            @NotNull @Schema(description = "New difficulty passing or holding urine")
            Boolean urinaryDifficulty,

            @NotNull @Schema(description = "Numbness, tingling or weakness in both legs")
            Boolean bothLegsNumbOrWeak,

            @NotNull @Schema(description = "A new change in sexual function")
            Boolean sexualDysfunction,

            @NotNull @Schema(description = "A foot that drags or slaps when walking (foot drop)")
            Boolean footDrop,

            @NotNull
            @Schema(description = "Pain after a fall or knock, with osteoporosis, long-term steroids or age over 70")
            Boolean minorFallWithBoneRisk,

            @NotNull @Schema(description = "Over 50 with a new episode of back pain")
            Boolean newPainOver50,

            @NotNull @Schema(description = "Pain that does not ease with rest or lying down")
            Boolean painNotEasedByRest,

            @NotNull @Schema(description = "A recent infection (urine, chest, skin...)")
            Boolean recentInfection,

            @NotNull @Schema(description = "A spinal injection, operation or procedure in the last 3 months")
            Boolean recentSpinalProcedure,

            @NotNull @Schema(description = "Feeling generally unwell")
            Boolean feelingUnwell,

            @NotNull
            @Schema(
                    description =
                            "Not a red flag, a clinician's review: onset before 45 with morning stiffness over 30 minutes easing with movement, or waking in the second half of the night")
            Boolean inflammatoryBackPain) {

        Map<RedFlag, Boolean> asMap() {
            Map<RedFlag, Boolean> answers = new EnumMap<>(RedFlag.class);
            answers.put(RedFlag.BLADDER_OR_BOWEL_CONTROL, bladderOrBowelControl);
            answers.put(RedFlag.SADDLE_NUMBNESS, saddleNumbness);
            answers.put(RedFlag.WORSENING_LEG_WEAKNESS, worseningLegWeakness);
            answers.put(RedFlag.RECENT_TRAUMA, recentTrauma);
            answers.put(RedFlag.CANCER_HISTORY, cancerHistory);
            answers.put(RedFlag.NEW_EPISODE, newEpisode);
            answers.put(RedFlag.BONE_FRAGILITY, boneFragility);
            answers.put(RedFlag.SUDDEN_ONSET, suddenOnset);
            answers.put(RedFlag.FEVER_OR_WEIGHT_LOSS, feverOrWeightLoss);
            answers.put(RedFlag.INFECTION_RISK, infectionRisk);
            answers.put(RedFlag.CONSTANT_NIGHT_PAIN, constantNightPain);
            answers.put(RedFlag.URINARY_DIFFICULTY, urinaryDifficulty);
            answers.put(RedFlag.BOTH_LEGS_NUMB_OR_WEAK, bothLegsNumbOrWeak);
            answers.put(RedFlag.SEXUAL_DYSFUNCTION, sexualDysfunction);
            answers.put(RedFlag.FOOT_DROP, footDrop);
            answers.put(RedFlag.MINOR_FALL_WITH_BONE_RISK, minorFallWithBoneRisk);
            answers.put(RedFlag.NEW_PAIN_OVER_50, newPainOver50);
            answers.put(RedFlag.PAIN_NOT_EASED_BY_REST, painNotEasedByRest);
            answers.put(RedFlag.RECENT_INFECTION, recentInfection);
            answers.put(RedFlag.RECENT_SPINAL_PROCEDURE, recentSpinalProcedure);
            answers.put(RedFlag.FEELING_UNWELL, feelingUnwell);
            answers.put(RedFlag.INFLAMMATORY_BACK_PAIN, inflammatoryBackPain);
            return answers;
        }
    }

    /** The window of the recentSpinalProcedure question ("in the last 3 months"). */
    static final int RECENT_PROCEDURE_MONTHS = 3;

    /** Rules across fields; {@code maxBackdate} is how far in the past {@code takenAt} may be. */
    List<FieldProblem> problems(Instant now, Duration maxBackdate) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<FieldProblem> problems = new ArrayList<>();
        if (takenAt != null && maxBackdate.isZero()) {
            problems.add(new FieldProblem("takenAt", "is not accepted here (INTAKE_MAX_BACKDATE is 0)"));
        } else if (takenAt != null && takenAt.isAfter(now)) {
            problems.add(new FieldProblem("takenAt", "is in the future"));
        } else if (takenAt != null && takenAt.isBefore(now.minus(maxBackdate))) {
            problems.add(new FieldProblem("takenAt", "is older than " + maxBackdate.toDays() + " days"));
        }
        if (Boolean.TRUE.equals(spineSurgery) && surgeryDate == null) {
            problems.add(new FieldProblem("surgeryDate", "the date of the surgery is needed"));
        }
        if (Boolean.FALSE.equals(spineSurgery) && surgeryDate != null) {
            problems.add(new FieldProblem("surgeryDate", "a surgery date without spine surgery"));
        }
        // The SPINE_SURGERY condition and the spine-surgery answer say the same thing: one without the other is a
        // contradiction.
        boolean surgeryCondition = conditions != null && conditions.contains(Condition.SPINE_SURGERY);
        if (Boolean.TRUE.equals(spineSurgery) && !surgeryCondition) {
            problems.add(new FieldProblem("conditions", "must include SPINE_SURGERY when spineSurgery is true"));
        }
        if (Boolean.FALSE.equals(spineSurgery) && surgeryCondition) {
            problems.add(new FieldProblem("conditions", "SPINE_SURGERY needs spineSurgery true and the surgery date"));
        }
        if (surgeryDate != null && surgeryDate.isAfter(today)) {
            problems.add(new FieldProblem("surgeryDate", "is in the future"));
        }
        // Surgery in the last 3 months is a spinal procedure in the last 3 months, a referral red flag (infection
        // risk). Answering no to the procedure question with such a date is a contradiction: refused, naming both
        // answers, rather than guessed, so that the member corrects whichever is wrong (a mistyped date would
        // otherwise refer them with no way to tell why).
        if (Boolean.TRUE.equals(spineSurgery)
                && surgeryDate != null
                && !surgeryDate.isAfter(today)
                && surgeryDate.isAfter(today.minusMonths(RECENT_PROCEDURE_MONTHS))
                && redFlags != null
                && Boolean.FALSE.equals(redFlags.recentSpinalProcedure())) {
            String both = "spine surgery on " + surgeryDate + " is within the last " + RECENT_PROCEDURE_MONTHS
                    + " months: recentSpinalProcedure must then be true";
            problems.add(new FieldProblem("surgeryDate", both));
            problems.add(new FieldProblem("redFlags.recentSpinalProcedure", both));
        }
        return problems;
    }

    Intake toIntake() {
        return new Intake(
                Set.copyOf(conditions),
                painNow,
                painTypical,
                duration,
                Boolean.TRUE.equals(spineSurgery) ? surgeryDate : null,
                redFlags.asMap(),
                Set.copyOf(goals),
                Set.copyOf(equipment),
                Set.copyOf(cannotGetInto),
                minutesPerSession,
                sessionsPerWeek,
                experience,
                directionalPreference == null ? DirectionalPreference.NEITHER : directionalPreference);
    }
}
