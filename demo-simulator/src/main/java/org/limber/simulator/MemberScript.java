package org.limber.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * What one simulated member answers and reports, day by day: plain logic with its own seeded
 * random source, so the same seed plays the same story. No HTTP in here.
 */
public final class MemberScript {

    private static final String[] CONDITIONS = {
        "NON_SPECIFIC_LOW_BACK_PAIN",
        "NON_SPECIFIC_LOW_BACK_PAIN",
        "NON_SPECIFIC_LOW_BACK_PAIN",
        "NON_SPECIFIC_LOW_BACK_PAIN",
        "NON_SPECIFIC_LOW_BACK_PAIN",
        "SCIATICA",
        "DISC_HERNIATION",
        "OSTEOARTHRITIS",
        "SPINAL_STENOSIS",
        "DESK_POSTURE",
        "SPONDYLOLISTHESIS"
    };
    private static final String[] GOALS = {
        "REDUCE_PAIN", "MOVE_MORE_EASILY", "LIFT_SAFELY", "SIT_LONGER", "STAY_ACTIVE", "PREVENT_RECURRENCE"
    };
    private static final String[] EQUIPMENT = {
        "MAT", "CHAIR", "TOWEL", "RESISTANCE_BAND", "FOAM_ROLLER", "LIGHT_WEIGHTS"
    };
    private static final int[][] WEEK_DAYS = {
        {}, {0}, {0, 3}, {0, 2, 4}, {0, 1, 3, 5}, {0, 1, 2, 4, 5}, {0, 1, 2, 3, 4, 5}, {0, 1, 2, 3, 4, 5, 6}
    };

    /** One session to report: the body of POST /members/me/sessions, less the plan's exercises. */
    public record Report(
            Instant performedAt,
            int painBefore,
            int painDuring,
            int painAfter,
            String effort,
            boolean painfulSkips,
            boolean noTimeSkips,
            List<String> redFlagSymptoms) {}

    private final Persona persona;
    private final Random random;
    private final int baseline;
    private final double response;
    private final int sessionsPerWeek;
    private final LocalDate enrolled;
    private final int flareDay;
    private final boolean reportsRedFlagInFlare;
    private final Map<String, Object> intake;
    private boolean redFlagReported;

    public MemberScript(Persona persona, long seed, LocalDate enrolled, boolean reportsRedFlagInFlare) {
        this.persona = persona;
        this.random = new Random(seed);
        this.enrolled = enrolled;
        this.reportsRedFlagInFlare = reportsRedFlagInFlare;
        this.baseline = pick(new int[] {4, 5, 5, 6, 6, 6, 7, 7, 8});
        this.response = switch (persona) {
            case IMPROVER -> 0.5 + 0.4 * random.nextDouble();
            case SLOW_RESPONDER -> 0.05 + 0.2 * random.nextDouble();
            case FLARE -> 0.45 + 0.35 * random.nextDouble();
            case DRIFTER, RED_FLAG -> 0.15 + 0.3 * random.nextDouble();
        };
        this.sessionsPerWeek = pick(new int[] {3, 3, 3, 4, 4, 5});
        this.flareDay = 28 + random.nextInt(21);
        this.intake = buildIntake();
    }

    public Persona persona() {
        return persona;
    }

    public LocalDate enrolled() {
        return enrolled;
    }

    public int baseline() {
        return baseline;
    }

    /** The intake body, taken at {@code takenAt}. */
    public Map<String, Object> intake(Instant takenAt) {
        Map<String, Object> body = new LinkedHashMap<>(intake);
        body.put("takenAt", takenAt.toString());
        return body;
    }

    /** A flare member retakes the intake two days into the flare: pain now is high, the rest unchanged. */
    public boolean retakesIntakeOn(LocalDate day) {
        return persona == Persona.FLARE && day.equals(enrolled.plusDays(flareDay + 2));
    }

    public Map<String, Object> flareIntake(Instant takenAt) {
        Map<String, Object> body = intake(takenAt);
        body.put("painNow", Math.min(10, baseline + 2));
        body.put("duration", "OVER_12_WEEKS");
        return body;
    }

    /**
     * Whether the member does a session on {@code day} of the plan that started {@code planStart},
     * and if so what they report; {@code notAfter} is the simulator's "now".
     */
    public Report sessionOn(LocalDate day, LocalDate planStart, Instant notAfter) {
        if (persona == Persona.RED_FLAG || day.isBefore(planStart)) {
            return null;
        }
        int dayOfPlanWeek = (int) ((day.toEpochDay() - planStart.toEpochDay()) % 7);
        boolean scheduled = false;
        for (int d : WEEK_DAYS[Math.min(7, sessionsPerWeek)]) {
            scheduled |= d == dayOfPlanWeek;
        }
        if (!scheduled || random.nextDouble() >= adherence(day)) {
            return null;
        }
        Instant performedAt = day.atTime(LocalTime.of(6, 0))
                .plusMinutes(random.nextInt(15 * 60))
                .toInstant(ZoneOffset.UTC);
        if (performedAt.isAfter(notAfter)) {
            performedAt = notAfter.minusSeconds(60 + random.nextInt(3600));
            if (LocalDate.ofInstant(performedAt, ZoneOffset.UTC).isBefore(day)) {
                return null;
            }
        }
        boolean flaring = inFlare(day);
        int before = clamp((int) Math.round(expectedPain(day) + random.nextGaussian() * 0.6));
        int during = clamp(before + pick(flaring ? new int[] {0, 1, 2} : new int[] {-1, 0, 0, 0, 1}));
        int after = clamp(before - pick(new int[] {0, 0, 1, 1, 2}));
        String effort = during >= 7 || (flaring && random.nextBoolean())
                ? "TOO_HARD"
                : weeksIn(day) >= 6 && persona == Persona.IMPROVER && random.nextDouble() < 0.35
                        ? "TOO_EASY"
                        : random.nextDouble() < 0.05 ? "TOO_HARD" : "JUST_RIGHT";
        List<String> redFlags = List.of();
        if (flaring && reportsRedFlagInFlare && !redFlagReported) {
            redFlagReported = true;
            redFlags = List.of("WORSENING_LEG_WEAKNESS");
        }
        return new Report(
                performedAt,
                before,
                during,
                after,
                effort,
                flaring,
                persona == Persona.DRIFTER && random.nextDouble() < 0.3,
                redFlags);
    }

    /** Skips of a session's exercises: some for pain in a flare, some for lack of time. */
    public String skipReason(Report report) {
        if (report.painfulSkips() && random.nextDouble() < 0.3) {
            return "PAIN";
        }
        if (report.noTimeSkips() && random.nextDouble() < 0.3) {
            return "NO_TIME";
        }
        return null;
    }

    /** The chance of doing a scheduled session on that day. */
    double adherence(LocalDate day) {
        double weeks = weeksIn(day);
        return switch (persona) {
            case IMPROVER -> 0.93;
            case SLOW_RESPONDER -> 0.85;
            case FLARE -> inFlare(day) ? 0.6 : 0.9;
            case DRIFTER -> weeks < 3 ? 0.85 : 0.85 * Math.exp(-(weeks - 3) / 1.2);
            case RED_FLAG -> 0;
        };
    }

    /** Pain before a session, before noise: falls towards (1 - response) x baseline over twelve weeks; flares add to it. */
    double expectedPain(LocalDate day) {
        double weeks = weeksIn(day);
        double shape = (1 - Math.exp(-weeks / 3)) / (1 - Math.exp(-4));
        double pain = baseline * (1 - response * Math.min(1, shape));
        if (persona == Persona.FLARE) {
            long sinceFlare = day.toEpochDay() - enrolled.plusDays(flareDay).toEpochDay();
            if (sinceFlare >= 0 && sinceFlare < 10) {
                pain = Math.max(7, baseline + 2);
            } else if (sinceFlare >= 10 && sinceFlare < 24) {
                double left = 1 - (sinceFlare - 10) / 14.0;
                pain = pain + (Math.max(7, baseline + 2) - pain) * left * 0.6;
            }
        }
        return pain;
    }

    boolean inFlare(LocalDate day) {
        long sinceFlare = day.toEpochDay() - enrolled.plusDays(flareDay).toEpochDay();
        return persona == Persona.FLARE && sinceFlare >= 0 && sinceFlare < 10;
    }

    private double weeksIn(LocalDate day) {
        return (day.toEpochDay() - enrolled.toEpochDay()) / 7.0;
    }

    private Map<String, Object> buildIntake() {
        Set<String> conditions = new LinkedHashSet<>();
        conditions.add(CONDITIONS[random.nextInt(CONDITIONS.length)]);
        if (random.nextDouble() < 0.15) {
            conditions.add(CONDITIONS[random.nextInt(CONDITIONS.length)]);
        }
        Map<String, Object> redFlags = ScreeningAnswers.allNo();
        if (persona == Persona.RED_FLAG) {
            redFlags.put("worseningLegWeakness", true);
        }
        Set<String> goals = new LinkedHashSet<>();
        goals.add("REDUCE_PAIN");
        for (int i = random.nextInt(3); i > 0; i--) {
            goals.add(GOALS[random.nextInt(GOALS.length)]);
        }
        List<String> equipment = new ArrayList<>();
        for (String item : EQUIPMENT) {
            if (random.nextDouble()
                    < (item.equals("MAT") || item.equals("CHAIR") || item.equals("TOWEL") ? 0.7 : 0.2)) {
                equipment.add(item);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conditions", conditions);
        body.put("painNow", clamp(baseline + pick(new int[] {-1, 0, 0, 1})));
        body.put("painTypical", baseline);
        body.put("duration", pick(new String[] {"UNDER_6_WEEKS", "WEEKS_6_TO_12", "OVER_12_WEEKS", "OVER_12_WEEKS"}));
        body.put("spineSurgery", false);
        body.put("redFlags", redFlags);
        body.put("goals", goals);
        body.put("equipment", equipment);
        body.put("cannotGetInto", random.nextDouble() < 0.08 ? List.of("FLOOR", "KNEELING") : List.of());
        body.put("minutesPerSession", pick(new int[] {10, 15, 15, 20}));
        body.put("sessionsPerWeek", sessionsPerWeek);
        body.put("experience", pick(new String[] {"BEGINNER", "BEGINNER", "BEGINNER", "INTERMEDIATE"}));
        return body;
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int clamp(int pain) {
        return Math.max(0, Math.min(10, pain));
    }

    /** A fresh session id for a report (the app's idempotency key). */
    public UUID sessionId() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
