package org.limber.routine.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.routine.domain.intake.Condition;
import org.limber.routine.domain.intake.Goal;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.PainDuration;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.intake.Restriction;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.ExerciseOptions;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.Rules;
import org.limber.testsupport.CatalogFixture;

/**
 * How long building a full week plan takes, with the whole catalog loaded and the real rules:
 * random intakes (fixed seed), a warm-up, then the latency distribution of single builds.
 * Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl routine-service test-compile exec:java@plan-benchmark}
 */
public final class PlanBuilderBenchmark {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 50_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    public static void main(String[] args) {
        List<ExerciseOption> catalog = CatalogFixture.snapshots().stream()
                .map(ExerciseOptions::from)
                .map(Optional::orElseThrow)
                .toList();
        PlanBuilder builder = new PlanBuilder(Rules.load());
        Random random = new Random(42);
        List<Intake> intakes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            intakes.add(randomIntake(random, TODAY));
        }
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += builder.build(intakes.get(i % intakes.size()), catalog, TODAY)
                    .sessions()
                    .size();
        }
        long[] nanos = new long[MEASURED];
        int items = 0;
        for (int i = 0; i < MEASURED; i++) {
            Intake intake = intakes.get(i % intakes.size());
            long start = System.nanoTime();
            PlanProposal plan = builder.build(intake, catalog, TODAY);
            nanos[i] = System.nanoTime() - start;
            items += plan.sessions().stream().mapToInt(s -> s.items().size()).sum();
        }
        Arrays.sort(nanos);
        System.out.printf(
                "Plan builder: %d exercises in the catalog, %d rules, %d builds after %d warm-up (sink %d)%n",
                catalog.size(), Rules.load().size(), MEASURED, WARM_UP, sink);
        System.out.printf("  items per plan (mean): %.1f%n", items / (double) MEASURED);
        System.out.printf(
                "  latency per full week plan: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), ms(nanos, 0.999), nanos[nanos.length - 1] / 1e6);
        System.out.printf("  target p99 < 5 ms: %s%n", ms(nanos, 0.99) < 5 ? "met" : "NOT met");
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static <E extends Enum<E>> Set<E> some(Random random, Class<E> type, int max) {
        E[] values = type.getEnumConstants();
        Set<E> chosen = EnumSet.noneOf(type);
        int count = random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            chosen.add(values[random.nextInt(values.length)]);
        }
        return chosen;
    }

    /** A random intake without red flags; the SPINE_SURGERY condition goes with a surgery date, as the intake requires. */
    static Intake randomIntake(Random random, LocalDate today) {
        Set<Condition> conditions = some(random, Condition.class, 3);
        LocalDate surgery = random.nextInt(4) == 0 ? today.minusDays(random.nextInt(700)) : null;
        if (surgery != null) {
            conditions.add(Condition.SPINE_SURGERY);
        } else {
            conditions.remove(Condition.SPINE_SURGERY);
        }
        if (conditions.isEmpty()) {
            conditions.add(Condition.NON_SPECIFIC_LOW_BACK_PAIN);
        }
        Set<Goal> goals = some(random, Goal.class, 3);
        if (goals.isEmpty()) {
            goals.add(Goal.REDUCE_PAIN);
        }
        Map<RedFlag, Boolean> noRedFlags = new EnumMap<>(RedFlag.class);
        for (RedFlag flag : RedFlag.values()) {
            noRedFlags.put(flag, false);
        }
        return new Intake(
                conditions,
                random.nextInt(11),
                random.nextInt(11),
                PainDuration.values()[random.nextInt(3)],
                surgery,
                noRedFlags,
                goals,
                some(random, Equipment.class, 5),
                some(random, Restriction.class, 2),
                5 + random.nextInt(26),
                2 + random.nextInt(6),
                Level.values()[random.nextInt(3)]);
    }
}
