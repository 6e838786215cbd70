package org.limber.routine.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.member.ProgressAssessed;
import org.limber.routine.domain.AssessmentRecord.Decision;
import org.limber.routine.domain.adapt.ProgressionRules;
import org.limber.routine.domain.adapt.ProgressionRules.Action;
import org.limber.routine.domain.adapt.WeekFacts;
import org.limber.routine.domain.adapt.WeeklyAdaptation;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.Restriction;
import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.ExerciseOptions;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.Rule;
import org.limber.routine.domain.plan.Rules;
import org.limber.testsupport.CatalogFixture;

/**
 * The safety harness: builds plans for random intakes with the real catalog and rules, and lives
 * each member through 1 to 12 plan weeks of sessions on a calendar: each session on a day and hour,
 * with pain before, during and after that drifts from session to session; assessed as
 * progress-service does (early on a safety signal, as soon as the week's sessions are all done, else
 * when the week ends); each assessment decided by the same {@link WeeklyAdaptation} routine-service
 * runs, and its outcome applied (a new version starts a new plan week). Clinicians now and then lock
 * an item (a new version), turn adaptation off or back on, and clear (or withdraw) progression after
 * surgery. Every violation of the safety invariants, in every plan version and every decision, is
 * counted; every count must be 0.
 * CI runs {@link SafetyHarnessTest} with 2,000 intakes; on demand with 100,000:
 * {@code ./mvnw -B -ntp -pl routine-service -am verify -DskipITs -Dtest=SafetyHarnessTest -Dsurefire.failIfNoSpecifiedTests=false -Dharness.intakes=100000}
 */
public final class SafetyHarness {

    static final Instant START = Instant.parse("2026-11-21T07:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(START, ZoneOffset.UTC);
    static final Duration WEEK = Duration.ofDays(7);
    static final Set<PlanChange.ChangeType> STEPS_UP =
            EnumSet.of(PlanChange.ChangeType.HARDER_VARIATION, PlanChange.ChangeType.MORE_DOSE);
    static final Set<Action> STEPPING_ACTIONS = EnumSet.of(Action.REGRESS, Action.REGRESS_SKIPPED, Action.PROGRESS);

    /** The invariants, in the order they are printed. */
    public enum Invariant {
        EXCLUDED_BY_A_RULE("an exercise a condition or flare rule leaves out"),
        MISSING_EQUIPMENT("an exercise needing equipment the member lacks"),
        IMPOSSIBLE_POSITION("an exercise in a position the member cannot get into"),
        SESSION_OVER_ITS_MINUTES("a session longer than the member's minutes"),
        EMPTY_SESSION("a session with nothing to do"),
        NOT_FLARE_SAFE_IN_A_FLARE("an exercise to do during a flare that is not flare-safe"),
        FLARE_ENDED_WITHOUT_SESSIONS("a flare ended on a week without sessions"),
        FLARE_ENDED_ON_ONE_SESSION_OR_DAY("a flare ended on one settled session, or on settled sessions of one day"),
        USUAL_PLAN_BACK_IN_FULL_WITHIN_A_WEEK("the plan from before a flare back in full under a week after the flare"),
        FLARE_IGNORED_WITH_ADAPTATION_OFF("pain of 7 or more without the gentle plan while adaptation was off"),
        STEPPED_WITH_ADAPTATION_OFF("an exercise stepped up or back while adaptation was off"),
        PROGRESSED_WITH_PAIN_RISING("progression in a week with pain rising"),
        PROGRESSED_BELOW_PRESCRIPTION("progression in a week done less than prescribed"),
        PROGRESSED_WITH_UNSETTLED_PAIN("progression in a week with pain after a session not settled"),
        PROGRESSED_AFTER_SURGERY_UNCLEARED("progression after spine surgery before a clinician cleared it"),
        PROGRESSED_ON_A_VERSION_UNDER_7_DAYS("progression of a plan version in force for less than 7 days"),
        PROGRESSED_TWICE_WITHIN_7_DAYS("one exercise progressed twice within 7 days"),
        CANNOT_REGRESS_UNSEEN("a regression that found nothing to step back, and no review asked for"),
        CLEARANCE_OVERDUE_UNSEEN("progression awaiting surgical clearance over 14 days, and no review asked for");

        final String description;

        Invariant(String description) {
            this.description = description;
        }
    }

    /** What a run did and the violations it counted. */
    public record Result(
            int intakes,
            long seed,
            double seconds,
            int weeks,
            int assessments,
            int planVersions,
            Map<Action, Integer> decisions,
            Map<String, Integer> reviews,
            Map<Invariant, Integer> violations) {}

    private final List<ExerciseOption> catalog = CatalogFixture.snapshots().stream()
            .map(ExerciseOptions::from)
            .map(Optional::orElseThrow)
            .toList();
    private final Map<String, ExerciseOption> published =
            catalog.stream().collect(Collectors.toMap(ExerciseOption::slug, e -> e));
    private final List<Rule> rules = Rules.load();
    private final PlanBuilder builder = new PlanBuilder(rules);
    private final ProgressionRules progression = ProgressionRules.load();

    public static void main(String[] args) {
        long total = print(new SafetyHarness()
                .run(Integer.getInteger("harness.intakes", 100_000), Long.getLong("harness.seed", 42)));
        if (total != 0) {
            System.exit(1);
        }
    }

    /** Prints the run's figures and every invariant's count; returns the total count of violations. */
    static long print(Result result) {
        System.out.printf(
                "Safety harness: %,d random intakes (seed %d), %,d plan weeks, %,d assessments, %,d plan versions checked"
                        + " in %.1f s%n",
                result.intakes(),
                result.seed(),
                result.weeks(),
                result.assessments(),
                result.planVersions(),
                result.seconds());
        System.out.println("  decisions: " + result.decisions());
        System.out.println("  reviews asked for: " + result.reviews());
        result.violations().forEach((invariant, count) -> System.out.printf("  %-38s %d%n", invariant, count));
        long total = result.violations().values().stream()
                .mapToLong(Integer::longValue)
                .sum();
        System.out.println(total == 0 ? "  every count is 0" : "  VIOLATIONS: " + total);
        return total;
    }

    public Result run(int intakes, long seed) {
        long start = System.nanoTime();
        Random random = new Random(seed);
        Run run = new Run();
        for (Invariant invariant : Invariant.values()) {
            run.violations.put(invariant, 0);
        }
        for (int i = 0; i < intakes; i++) {
            new Member(PlanBuilderBenchmark.randomIntake(random, TODAY), random, run).live();
        }
        return new Result(
                intakes,
                seed,
                (System.nanoTime() - start) / 1e9,
                run.weeks,
                run.assessments,
                run.versions,
                run.decisions,
                run.reviews,
                run.violations);
    }

    /** The counts of a run. */
    private static final class Run {
        final Map<Invariant, Integer> violations = new LinkedHashMap<>();
        final Map<Action, Integer> decisions = new LinkedHashMap<>();
        final Map<String, Integer> reviews = new LinkedHashMap<>();
        int weeks;
        int assessments;
        int versions;

        void count(Invariant invariant, boolean violated) {
            if (violated) {
                violations.merge(invariant, 1, Integer::sum);
            }
        }
    }

    /** A plan version as routine-service keeps it. */
    private record Version(
            int number, PlanProposal plan, boolean flare, boolean afterFlare, Instant since, LocalDate startDate) {}

    /** A session as the member reports it. */
    private record Logged(Instant at, int before, int during, int after, WeekFacts.Effort effort) {}

    /** One member through their weeks, on a calendar. */
    private final class Member {
        final Intake intake;
        final Random random;
        final Run run;
        final boolean surgery;
        final List<Version> versions = new ArrayList<>();
        final List<Logged> versionSessions = new ArrayList<>();
        final List<WeeklyAdaptation.Progressed> progressions = new ArrayList<>();
        final Map<String, Instant> lastProgressed = new HashMap<>();
        final Set<Integer> cannotRegressReviewed = new HashSet<>();
        boolean adaptationOn = true;
        String offReason;
        boolean cleared;
        Instant clearanceWaitSince;
        boolean clearanceReviewed;
        ProgressAssessed previous;
        Double reference;
        double level;
        Instant now = START;

        Member(Intake intake, Random random, Run run) {
            this.intake = intake;
            this.random = random;
            this.run = run;
            this.surgery = intake.surgeryDate() != null;
            this.clearanceWaitSince = surgery ? START : null;
            this.level = intake.painNow();
        }

        Version current() {
            return versions.get(versions.size() - 1);
        }

        void newVersion(PlanProposal plan, boolean flare, boolean afterFlare) {
            versions.add(new Version(versions.size() + 1, plan, flare, afterFlare, now, date(now)));
            versionSessions.clear();
            check(plan, intake, flare, date(now), run);
            run.versions++;
        }

        void live() {
            boolean flare = builder.flare(intake, TODAY);
            newVersion(builder.build(intake, catalog, TODAY), flare, false);
            int weeks = 1 + random.nextInt(12);
            for (int w = 0; w < weeks; w++) {
                clinician();
                week();
                run.weeks++;
            }
        }

        /** A clinician now and then locks an item, turns adaptation off or on, or clears progression after surgery. */
        void clinician() {
            if (random.nextInt(8) == 0) {
                Version v = current();
                newVersion(lockOne(v.plan(), random), v.flare(), false);
            }
            if (adaptationOn && random.nextInt(15) == 0) {
                adaptationOn = false;
                offReason = "turned off by the clinician";
            } else if (!adaptationOn && random.nextInt(3) == 0) {
                adaptationOn = true;
            }
            if (surgery && !cleared && random.nextInt(6) == 0) {
                cleared = true;
                clearanceWaitSince = null;
            } else if (surgery && cleared && random.nextInt(30) == 0) {
                cleared = false;
                clearanceWaitSince = now;
                clearanceReviewed = false;
            }
        }

        /** The plan week that contains now, lived: its sessions, and its assessments as progress-service makes them. */
        void week() {
            Version version = current();
            long index = ChronoUnit.DAYS.between(version.startDate(), date(now)) / 7;
            LocalDate weekStart = version.startDate().plusWeeks(index);
            Instant from = weekStart.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = from.plus(WEEK);
            int prescribed = intake.sessionsPerWeek();
            int planned = random.nextBoolean() ? prescribed : random.nextInt(prescribed + 1);
            // Some members cram the week into a day or two; most spread it out.
            long span = random.nextInt(4) == 0
                    ? Math.min(Duration.between(now, end).toSeconds(), 2 * 86_400)
                    : Duration.between(now, end).toSeconds();
            List<Instant> times = new ArrayList<>();
            for (int s = 0; s < planned; s++) {
                times.add(now.plusSeconds(60 + (long) (random.nextDouble() * Math.max(1, span - 120))));
            }
            times.sort(Comparator.naturalOrder());
            List<Logged> week = new ArrayList<>();
            boolean early = false;
            for (Instant at : times) {
                Logged session = session(at);
                week.add(session);
                versionSessions.add(session);
                boolean signal = session.during() > 5 || session.before() >= 7;
                if (week.size() >= prescribed) {
                    if (assess(version, weekStart, "WEEK_COMPLETED", week, at.plusSeconds(60))) {
                        return;
                    }
                    now = at.plusSeconds(60);
                    break;
                } else if (signal && !early) {
                    early = true;
                    if (assess(version, weekStart, "SAFETY_SIGNAL", week, at.plusSeconds(60))) {
                        return;
                    }
                }
            }
            if (week.size() < prescribed) {
                assess(version, weekStart, "WEEK_ENDED", week, end.plusSeconds(random.nextInt(6 * 3600)));
            } else if (now.isBefore(end)) {
                now = end;
            }
        }

        /** A session at {@code at}: the member's pain drifts from session to session, back towards their typical pain. */
        Logged session(Instant at) {
            level += 0.2 * (intake.painTypical() - level) + random.nextGaussian() * 1.2;
            level = Math.max(0, Math.min(10, level));
            int before = clamp((int) Math.round(level));
            int during = clamp(before + random.nextInt(5) - 2);
            int after =
                    clamp(random.nextInt(12) == 0 ? before + 2 + random.nextInt(2) : before + random.nextInt(3) - 1);
            WeekFacts.Effort effort = during > 5 && random.nextBoolean()
                    ? WeekFacts.Effort.TOO_HARD
                    : WeekFacts.Effort.values()[random.nextInt(2)];
            return new Logged(at, before, during, after, effort);
        }

        /** Assesses the week so far at {@code at} and applies the outcome; whether it made a new version. */
        boolean assess(Version version, LocalDate weekStart, String trigger, List<Logged> week, Instant at) {
            now = at;
            run.assessments++;
            ProgressAssessed assessment = assessment(version, weekStart, trigger, week, at);
            boolean redFlag = !assessment.redFlagSymptoms().isEmpty();
            Instant weekEnd = weekStart.plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant();
            List<WeekFacts.Session> sessions = versionSessions.stream()
                    .filter(s -> s.at().isBefore(weekEnd))
                    .map(s -> new WeekFacts.Session(s.at(), s.before(), s.during(), s.after()))
                    .toList();
            boolean reviewedOnVersion = cannotRegressReviewed.contains(version.number());
            WeeklyAdaptation.State state = new WeeklyAdaptation.State(
                    version.plan(),
                    version.flare(),
                    version.afterFlare(),
                    version.since(),
                    intake,
                    adaptationOn,
                    offReason,
                    clearanceWaitSince,
                    clearanceReviewed,
                    reviewedOnVersion,
                    usualBeforeFlare(),
                    sessions,
                    List.copyOf(progressions));
            WeeklyAdaptation.Outcome outcome = WeeklyAdaptation.decide(
                    progression,
                    WeeklyAdaptation.Library.of(builder, rules, catalog, date(at)),
                    assessment,
                    previous,
                    reference,
                    state,
                    at);
            Action action = outcome.verdict() == null ? null : outcome.verdict().action();
            if (action != null) {
                run.decisions.merge(action, 1, Integer::sum);
            }
            Set<String> reviews = outcome.reviews().stream()
                    .map(WeeklyAdaptation.Review::code)
                    .collect(Collectors.toSet());
            reviews.forEach(code -> run.reviews.merge(code, 1, Integer::sum));
            verify(version, assessment, week, at, redFlag, action, outcome, reviews, reviewedOnVersion);

            if (outcome.stopAdaptation()) {
                adaptationOn = false;
                offReason = outcome.summary();
            }
            if (reviews.contains(WeeklyAdaptation.CANNOT_REGRESS)) {
                cannotRegressReviewed.add(version.number());
            }
            if (reviews.contains(WeeklyAdaptation.CLEARANCE_OVERDUE)) {
                clearanceReviewed = true;
            }
            if (assessment.meanPain() != null) {
                reference = assessment.meanPain();
            }
            previous = assessment;
            if (outcome.next() == null) {
                return false;
            }
            WeeklyAdaptation.NextVersion next = outcome.next();
            for (PlanChange change : next.changes()) {
                if (action == Action.PROGRESS && STEPS_UP.contains(change.kind())) {
                    progressions.add(new WeeklyAdaptation.Progressed(
                            change.from().slug(), change.to().slug(), at));
                }
            }
            progressions.removeIf(p -> p.at().isBefore(at.minus(WEEK)));
            newVersion(next.plan(), next.flare(), next.afterFlare());
            return true;
        }

        /** The invariants of one decision, checked from the sessions and the calendar, not from the rules' own figures. */
        void verify(
                Version version,
                ProgressAssessed assessment,
                List<Logged> week,
                Instant at,
                boolean redFlag,
                Action action,
                WeeklyAdaptation.Outcome outcome,
                Set<String> reviews,
                boolean reviewedOnVersion) {
            Duration inForce = Duration.between(version.since(), at);
            int pain = Math.max(
                    week.stream().mapToInt(Logged::before).reduce((a, b) -> b).orElse(0),
                    week.stream().mapToInt(Logged::during).max().orElse(0));
            if (!adaptationOn && !redFlag && !week.isEmpty() && pain >= 7) {
                run.count(
                        Invariant.FLARE_IGNORED_WITH_ADAPTATION_OFF,
                        action != Action.FLARE
                                || outcome.next() == null && outcome.reviews().isEmpty());
            }
            run.count(Invariant.STEPPED_WITH_ADAPTATION_OFF, !adaptationOn && STEPPING_ACTIONS.contains(action));
            if (action == Action.PROGRESS && outcome.next() != null) {
                double mean = assessment.meanPain() == null ? 0 : assessment.meanPain();
                double against = reference != null ? reference : intake.painTypical();
                run.count(
                        Invariant.PROGRESSED_WITH_PAIN_RISING,
                        assessment.meanPain() != null && mean > against || "RISING".equals(assessment.painTrend()));
                run.count(Invariant.PROGRESSED_BELOW_PRESCRIPTION, week.size() < intake.sessionsPerWeek());
                run.count(
                        Invariant.PROGRESSED_WITH_UNSETTLED_PAIN,
                        week.stream().anyMatch(s -> s.after() - s.before() >= 2));
                run.count(Invariant.PROGRESSED_AFTER_SURGERY_UNCLEARED, surgery && !cleared);
                run.count(Invariant.PROGRESSED_ON_A_VERSION_UNDER_7_DAYS, inForce.compareTo(WEEK) < 0);
                for (PlanChange change : outcome.next().changes()) {
                    if (STEPS_UP.contains(change.kind())) {
                        run.count(
                                Invariant.PROGRESSED_TWICE_WITHIN_7_DAYS,
                                within(lastProgressed.get(change.from().slug()), at)
                                        || within(lastProgressed.get(change.to().slug()), at));
                        lastProgressed.put(change.from().slug(), at);
                        lastProgressed.put(change.to().slug(), at);
                    }
                }
            }
            if (action == Action.END_FLARE && outcome.next() != null) {
                run.count(Invariant.FLARE_ENDED_WITHOUT_SESSIONS, week.isEmpty());
                // The latest run of settled sessions of the flare version: at least two, on at least two days.
                List<Logged> settled = new ArrayList<>();
                for (int i = versionSessions.size() - 1; i >= 0; i--) {
                    Logged s = versionSessions.get(i);
                    if (s.before() > 4 || s.during() > 5) {
                        break;
                    }
                    settled.add(s);
                }
                long days = settled.stream().map(s -> date(s.at())).distinct().count();
                run.count(Invariant.FLARE_ENDED_ON_ONE_SESSION_OR_DAY, settled.size() < 2 || days < 2);
            }
            if (action == Action.RESTORE && outcome.next() != null) {
                run.count(
                        Invariant.USUAL_PLAN_BACK_IN_FULL_WITHIN_A_WEEK,
                        !version.afterFlare() || inForce.compareTo(WEEK) < 0);
            }
            if ((action == Action.REGRESS || action == Action.REGRESS_SKIPPED)
                    && outcome.decision() == Decision.HELD
                    && (action == Action.REGRESS
                            || assessment.skipped().stream()
                                    .anyMatch(k -> version.plan().contains(k.slug())))) {
                run.count(
                        Invariant.CANNOT_REGRESS_UNSEEN,
                        !reviewedOnVersion && !reviews.contains(WeeklyAdaptation.CANNOT_REGRESS));
            }
            if (surgery && !cleared && Duration.between(clearanceWaitSince, at).compareTo(Duration.ofDays(14)) > 0) {
                run.count(
                        Invariant.CLEARANCE_OVERDUE_UNSEEN,
                        !clearanceReviewed && !reviews.contains(WeeklyAdaptation.CLEARANCE_OVERDUE));
            }
        }

        /** The week so far as progress-service assesses it. */
        ProgressAssessed assessment(
                Version version, LocalDate weekStart, String trigger, List<Logged> week, Instant at) {
            int prescribed = intake.sessionsPerWeek();
            Integer latest = week.isEmpty() ? null : week.get(week.size() - 1).before();
            Integer worst = week.isEmpty()
                    ? null
                    : week.stream().mapToInt(Logged::during).max().orElseThrow();
            Double mean = week.isEmpty()
                    ? null
                    : Math.round(week.stream()
                                            .mapToInt(Logged::before)
                                            .average()
                                            .orElseThrow()
                                    * 10)
                            / 10.0;
            double against = reference != null ? reference : intake.painTypical();
            String trend = mean == null
                    ? "STABLE"
                    : mean >= against + 1 ? "RISING" : mean <= against - 1 ? "FALLING" : "STABLE";
            int easy = (int) week.stream()
                    .filter(s -> s.effort() == WeekFacts.Effort.TOO_EASY)
                    .count();
            int hard = (int) week.stream()
                    .filter(s -> s.effort() == WeekFacts.Effort.TOO_HARD)
                    .count();
            List<ProgressAssessed.Skip> skips = new ArrayList<>();
            if (!week.isEmpty() && random.nextInt(8) == 0) {
                List<PlanProposal.Item> items = version.plan().sessions().stream()
                        .flatMap(s -> s.items().stream())
                        .toList();
                String slug = items.isEmpty()
                        ? "walking"
                        : items.get(random.nextInt(items.size())).slug();
                skips.add(new ProgressAssessed.Skip(
                        slug, random.nextBoolean() ? "PAIN" : "TOO_HARD", 1 + random.nextInt(3)));
            }
            UUID id = UUID.randomUUID();
            return new ProgressAssessed(
                    id,
                    at,
                    1,
                    "m",
                    id,
                    version.number(),
                    weekStart,
                    trigger,
                    List.of(),
                    intake.painTypical(),
                    week.size(),
                    prescribed,
                    Math.min(100, (int) Math.round(week.size() * 100.0 / prescribed)),
                    trend,
                    mean,
                    latest,
                    worst,
                    new ProgressAssessed.Effort(easy, week.size() - easy - hard, hard),
                    skips,
                    random.nextInt(300) == 0 ? List.of("SADDLE_NUMBNESS") : List.of());
        }

        /** The newest version before the current one that was neither a flare plan nor the week after one. */
        PlanProposal usualBeforeFlare() {
            for (int i = versions.size() - 2; i >= 0; i--) {
                Version v = versions.get(i);
                if (!v.flare() && !v.afterFlare()) {
                    return v.plan();
                }
            }
            return null;
        }
    }

    private static boolean within(Instant earlier, Instant at) {
        return earlier != null && Duration.between(earlier, at).compareTo(WEEK) < 0;
    }

    private static int clamp(int pain) {
        return Math.max(0, Math.min(10, pain));
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private void check(PlanProposal plan, Intake intake, boolean flare, LocalDate today, Run run) {
        Eligibility eligibility = new Eligibility(intake, rules, today, flare);
        Set<Equipment> available = EnumSet.of(Equipment.NONE);
        available.addAll(intake.equipment());
        for (PlanProposal.Session session : plan.sessions()) {
            List<PlanProposal.Item> active =
                    session.items().stream().filter(i -> !i.paused()).toList();
            run.count(Invariant.EMPTY_SESSION, active.isEmpty());
            run.count(Invariant.SESSION_OVER_ITS_MINUTES, session.estimatedSeconds() > intake.minutesPerSession() * 60);
            for (PlanProposal.Item item : active) {
                ExerciseOption exercise = published.get(item.slug());
                Set<SafetyTag> tags = exercise.safetyTags();
                run.count(
                        Invariant.EXCLUDED_BY_A_RULE,
                        eligibility.excludingRule(exercise).isPresent());
                run.count(
                        Invariant.MISSING_EQUIPMENT,
                        exercise.equipment().stream()
                                .anyMatch(e -> !available.contains(e)
                                        && !(e == Equipment.MAT && eligibility.onBed(exercise))));
                boolean noFloor = intake.cannotGetInto().contains(Restriction.FLOOR);
                boolean noKneeling = intake.cannotGetInto().contains(Restriction.KNEELING);
                run.count(
                        Invariant.IMPOSSIBLE_POSITION,
                        noFloor && tags.contains(SafetyTag.FLOOR_TRANSFER) && !tags.contains(SafetyTag.ON_BED)
                                || noKneeling && tags.contains(SafetyTag.WEIGHT_ON_KNEES));
                run.count(Invariant.NOT_FLARE_SAFE_IN_A_FLARE, flare && !tags.contains(SafetyTag.FLARE_SAFE));
            }
        }
    }

    private static PlanProposal lockOne(PlanProposal plan, Random random) {
        List<PlanProposal.Item> items =
                plan.sessions().stream().flatMap(s -> s.items().stream()).toList();
        if (items.isEmpty()) {
            return plan;
        }
        String slug = items.get(random.nextInt(items.size())).slug();
        return plan.replace(
                slug,
                i -> new PlanProposal.Item(
                        i.slug(),
                        i.exerciseVersion(),
                        i.name(),
                        i.category(),
                        i.dose(),
                        i.estimatedSeconds(),
                        i.reason(),
                        i.paused(),
                        true));
    }
}
