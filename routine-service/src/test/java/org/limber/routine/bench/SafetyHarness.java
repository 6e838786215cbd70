package org.limber.routine.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.member.ProgressAssessed;
import org.limber.routine.domain.adapt.Adaptation;
import org.limber.routine.domain.adapt.FlarePlan;
import org.limber.routine.domain.adapt.Progression;
import org.limber.routine.domain.adapt.ProgressionRules;
import org.limber.routine.domain.adapt.ProgressionRules.Action;
import org.limber.routine.domain.adapt.WeekFacts;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.Restriction;
import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.ExerciseOptions;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.PlanTailoring;
import org.limber.routine.domain.plan.Rule;
import org.limber.routine.domain.plan.Rules;
import org.limber.testsupport.CatalogFixture;

/**
 * The safety harness: builds plans for random intakes with the real catalog and rules, adapts each
 * through random weeks of sessions as routine-service does (flare, end of flare, regress, progress,
 * clinicians locking items and clearing progression after surgery), and counts every violation of
 * the plan's safety invariants in every plan version. Every count must be 0.
 * CI runs {@link SafetyHarnessTest} with 2,000 intakes; on demand with 100,000:
 * {@code ./mvnw -B -ntp -pl routine-service -am verify -DskipITs -Dtest=SafetyHarnessTest -Dsurefire.failIfNoSpecifiedTests=false -Dharness.intakes=100000}
 */
public final class SafetyHarness {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    /** The invariants, in the order they are printed. */
    public enum Invariant {
        EXCLUDED_BY_A_RULE("an exercise a condition or flare rule leaves out"),
        MISSING_EQUIPMENT("an exercise needing equipment the member lacks"),
        IMPOSSIBLE_POSITION("an exercise in a position the member cannot get into"),
        SESSION_OVER_ITS_MINUTES("a session longer than the member's minutes"),
        EMPTY_SESSION("a session with nothing to do"),
        NOT_FLARE_SAFE_IN_A_FLARE("an exercise to do during a flare that is not flare-safe"),
        FLARE_ENDED_WITHOUT_SESSIONS("a flare ended on a week without sessions"),
        PROGRESSED_WITH_PAIN_RISING("progression in a week with pain rising"),
        PROGRESSED_BELOW_PRESCRIPTION("progression in a week done less than prescribed"),
        PROGRESSED_WITH_UNSETTLED_PAIN("progression in a week with pain after a session not settled"),
        PROGRESSED_AFTER_SURGERY_UNCLEARED("progression after spine surgery before a clinician cleared it");

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
            int planVersions,
            Map<Action, Integer> decisions,
            Map<Invariant, Integer> violations) {}

    private final List<ExerciseOption> catalog = CatalogFixture.snapshots().stream()
            .map(ExerciseOptions::from)
            .map(Optional::orElseThrow)
            .toList();
    private final Map<String, ExerciseOption> published =
            catalog.stream().collect(Collectors.toMap(ExerciseOption::slug, Function.identity()));
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
                "Safety harness: %,d random intakes (seed %d), %,d assessed weeks, %,d plan versions checked in %.1f s%n",
                result.intakes(), result.seed(), result.weeks(), result.planVersions(), result.seconds());
        System.out.println("  decisions: " + result.decisions());
        result.violations().forEach((invariant, count) -> System.out.printf("  %-36s %d%n", invariant, count));
        long total = result.violations().values().stream()
                .mapToLong(Integer::longValue)
                .sum();
        System.out.println(total == 0 ? "  every count is 0" : "  VIOLATIONS: " + total);
        return total;
    }

    public Result run(int intakes, long seed) {
        long start = System.nanoTime();
        Random random = new Random(seed);
        Map<Invariant, Integer> violations = new LinkedHashMap<>();
        for (Invariant invariant : Invariant.values()) {
            violations.put(invariant, 0);
        }
        Map<Action, Integer> decisions = new LinkedHashMap<>();
        int[] weeks = {0};
        int[] versions = {0};
        for (int i = 0; i < intakes; i++) {
            member(PlanBuilderBenchmark.randomIntake(random, TODAY), random, violations, decisions, weeks, versions);
        }
        return new Result(
                intakes, seed, (System.nanoTime() - start) / 1e9, weeks[0], versions[0], decisions, violations);
    }

    private void member(
            Intake intake,
            Random random,
            Map<Invariant, Integer> violations,
            Map<Action, Integer> decisions,
            int[] weeks,
            int[] versions) {
        boolean flare = builder.flare(intake, TODAY);
        PlanProposal plan = builder.build(intake, catalog, TODAY);
        PlanProposal usual = flare ? null : plan;
        boolean surgery = intake.surgeryDate() != null;
        boolean cleared = false;
        ProgressAssessed previous = null;
        Double reference = null;
        check(plan, intake, flare, violations);
        versions[0]++;
        int weekCount = 1 + random.nextInt(12);
        for (int w = 0; w < weekCount; w++) {
            // A clinician now and then locks an item or clears progression after surgery.
            if (random.nextInt(8) == 0) {
                plan = lockOne(plan, random);
                if (!flare) {
                    usual = plan;
                }
            }
            if (surgery && random.nextInt(6) == 0) {
                cleared = true;
            }
            ProgressAssessed week = randomWeek(intake, random);
            int unsettled =
                    week.sessionsDone() == 0 || random.nextInt(4) != 0 ? 0 : 1 + random.nextInt(week.sessionsDone());
            WeekFacts facts = WeekFacts.of(week, previous, reference, flare, unsettled, surgery && !cleared);
            Progression.Verdict verdict = Progression.decide(progression, facts);
            decisions.merge(verdict.action(), 1, Integer::sum);
            weeks[0]++;
            if (verdict.action() == Action.PROGRESS) {
                double mean = week.meanPain() == null ? 0 : week.meanPain();
                double against = reference != null ? reference : intake.painTypical();
                count(
                        violations,
                        Invariant.PROGRESSED_WITH_PAIN_RISING,
                        week.meanPain() != null && mean > against || "RISING".equals(week.painTrend()));
                count(
                        violations,
                        Invariant.PROGRESSED_BELOW_PRESCRIPTION,
                        week.sessionsDone() < week.sessionsPrescribed());
                count(violations, Invariant.PROGRESSED_WITH_UNSETTLED_PAIN, unsettled > 0);
                count(violations, Invariant.PROGRESSED_AFTER_SURGERY_UNCLEARED, surgery && !cleared);
            }
            if (verdict.action() == Action.END_FLARE) {
                count(violations, Invariant.FLARE_ENDED_WITHOUT_SESSIONS, week.sessionsDone() == 0);
            }
            switch (verdict.action()) {
                case STOP -> {
                    return;
                }
                case FLARE -> {
                    plan = FlarePlan.keepLocked(
                            builder.build(intake, catalog, TODAY, true),
                            plan,
                            published,
                            eligibility(intake, true),
                            intake.minutesPerSession() * 60);
                    flare = true;
                }
                case END_FLARE -> {
                    PlanProposal base = usual != null ? usual : builder.build(intake, catalog, TODAY, false);
                    plan = PlanTailoring.apply(base, List.of(), published, eligibility(intake, false), "settled", null)
                            .plan();
                    flare = false;
                    usual = plan;
                }
                case REGRESS, REGRESS_SKIPPED, PROGRESS -> {
                    plan = Adaptation.step(
                                    plan,
                                    verdict,
                                    published,
                                    eligibility(intake, flare),
                                    progression.maxChangesPerWeek(),
                                    intake.minutesPerSession() * 60)
                            .plan();
                    if (!flare) {
                        usual = plan;
                    }
                }
                default -> {}
            }
            check(plan, intake, flare, violations);
            versions[0]++;
            if (week.meanPain() != null) {
                reference = week.meanPain();
            }
            previous = week;
        }
    }

    private Eligibility eligibility(Intake intake, boolean flare) {
        return new Eligibility(intake, rules, TODAY, flare);
    }

    private void check(PlanProposal plan, Intake intake, boolean flare, Map<Invariant, Integer> violations) {
        Eligibility eligibility = eligibility(intake, flare);
        Set<Equipment> available = EnumSet.of(Equipment.NONE);
        available.addAll(intake.equipment());
        for (PlanProposal.Session session : plan.sessions()) {
            List<PlanProposal.Item> active =
                    session.items().stream().filter(i -> !i.paused()).toList();
            count(violations, Invariant.EMPTY_SESSION, active.isEmpty());
            count(
                    violations,
                    Invariant.SESSION_OVER_ITS_MINUTES,
                    session.estimatedSeconds() > intake.minutesPerSession() * 60);
            for (PlanProposal.Item item : active) {
                ExerciseOption exercise = published.get(item.slug());
                Set<SafetyTag> tags = exercise.safetyTags();
                count(
                        violations,
                        Invariant.EXCLUDED_BY_A_RULE,
                        eligibility.excludingRule(exercise).isPresent());
                count(
                        violations,
                        Invariant.MISSING_EQUIPMENT,
                        exercise.equipment().stream()
                                .anyMatch(e -> !available.contains(e)
                                        && !(e == Equipment.MAT && eligibility.onBed(exercise))));
                boolean noFloor = intake.cannotGetInto().contains(Restriction.FLOOR);
                boolean noKneeling = intake.cannotGetInto().contains(Restriction.KNEELING);
                count(
                        violations,
                        Invariant.IMPOSSIBLE_POSITION,
                        noFloor && tags.contains(SafetyTag.FLOOR_TRANSFER) && !tags.contains(SafetyTag.ON_BED)
                                || noKneeling && tags.contains(SafetyTag.WEIGHT_ON_KNEES));
                count(violations, Invariant.NOT_FLARE_SAFE_IN_A_FLARE, flare && !tags.contains(SafetyTag.FLARE_SAFE));
            }
        }
    }

    private static void count(Map<Invariant, Integer> violations, Invariant invariant, boolean violated) {
        if (violated) {
            violations.merge(invariant, 1, Integer::sum);
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

    /** A random week: from none to all sessions done, pain anywhere on the scale, any effort, any trend progress-service saw. */
    private static ProgressAssessed randomWeek(Intake intake, Random random) {
        int prescribed = intake.sessionsPerWeek();
        int done = random.nextBoolean() ? prescribed : random.nextInt(prescribed + 1);
        Integer latest = null;
        Integer worst = null;
        Double mean = null;
        ProgressAssessed.Effort effort = new ProgressAssessed.Effort(0, 0, 0);
        if (done > 0) {
            latest = random.nextInt(11);
            worst = random.nextInt(11);
            mean = Math.round((latest + random.nextGaussian()) * 10) / 10.0;
            mean = Math.max(0, Math.min(10, mean));
            int easy = random.nextInt(done + 1);
            int hard = random.nextInt(4) == 0 ? random.nextInt(done - easy + 1) : 0;
            effort = new ProgressAssessed.Effort(easy, done - easy - hard, hard);
        }
        List<ProgressAssessed.Skip> skips = new ArrayList<>();
        if (random.nextInt(5) == 0) {
            skips.add(new ProgressAssessed.Skip(
                    "walking", random.nextBoolean() ? "PAIN" : "TOO_HARD", 1 + random.nextInt(3)));
        }
        String trend = List.of("FALLING", "STABLE", "RISING").get(random.nextInt(3));
        UUID id = UUID.randomUUID();
        return new ProgressAssessed(
                id,
                Instant.EPOCH,
                1,
                "m",
                id,
                1,
                TODAY,
                "WEEK_ENDED",
                List.of(),
                intake.painTypical(),
                done,
                prescribed,
                Math.min(100, (int) Math.round(done * 100.0 / prescribed)),
                trend,
                mean,
                latest,
                worst,
                effort,
                skips,
                random.nextInt(200) == 0 ? List.of("SADDLE_NUMBNESS") : List.of());
    }
}
